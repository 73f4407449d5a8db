package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the effective-rank packages imports point one way, {@code rank → rank.fast → rank.simd}: the fast path
 * takes arrays and returns σ, so it never needs the public types of {@code rank}; the kernels need neither; and
 * {@code rank} (with its subpackages) uses nothing of {@code shaping} or {@code rl}. Checked on the sources:
 * every import and every fully qualified name in code (javadoc may point anywhere: a link is not a dependency).
 */
class RankLayoutTest {

    static final Path ROOT = Path.of("src/main/java/org/verl4j/rank");
    static final Pattern REFERENCE = Pattern.compile("\\borg\\.verl4j\\.(\\w+(?:\\.\\w+)*)\\.[A-Z]");

    @Test
    void rankPointsToFastPointsToSimd() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                files++;
                String pkg = packageOf(p);
                Matcher m = REFERENCE.matcher(code(Files.readString(p)));
                while (m.find()) if (!allowed(pkg, m.group(1))) violations.add(p + " (" + pkg + ") refers to " + m.group(1));
            }
        }
        assertThat(files).as("rank source files found").isGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    /** Which packages (relative to org.verl4j) a package of rank may refer to. */
    static boolean allowed(String from, String to) {
        if (to.equals(from) || !to.startsWith("rank")) return !to.startsWith("shaping") && !to.startsWith("rl");
        return switch (from) {
            case "rank" -> true;
            case "rank.fast" -> to.equals("rank.simd");
            case "rank.simd" -> false;
            default -> to.equals("rank");                                   // rank.tokens: the public types only
        };
    }

    /** The source without comments (block comments, then line comments). */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    static String packageOf(Path file) {
        Path dir = ROOT.relativize(file).getParent();
        return dir == null ? "rank" : "rank." + dir.toString().replace('/', '.');
    }
}

package org.verl4j.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core packages (effective rank, shaping, RL math) may use the JDK, EJML and each other only, so that
 * embedders need nothing but EJML. Checked on the sources: every import and every fully qualified name.
 * One exception: {@code org.verl4j.rank.simd} may import the JDK's incubator {@code jdk.incubator.vector}; its
 * vector kernels are loaded reflectively only when that module is present.
 *
 * <p>Inside the core the direction is one way too: {@code rank} ← {@code rl} ← {@code shaping} ←
 * {@code shaping.parity}. So {@code rank} names nothing of {@code shaping} or {@code rl}, {@code rl} nothing of
 * {@code shaping}, and the main path of {@code shaping} nothing of its parity emulation. This rule reads the code
 * with its comments removed: a javadoc cross-reference ("the same entropy as rl.TokenEntropy") is documentation,
 * not a dependency.
 */
class CoreDependencyTest {

    static final List<String> CORE = List.of("rank", "shaping", "rl");
    static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    static final Pattern FOREIGN = Pattern.compile("\\b(com\\.microsoft|com\\.fasterxml|picocli|ai\\.onnxruntime|org\\.verl4j\\.(?!rank|shaping|rl)\\w+)\\.");

    @Test
    void corePackagesImportOnlyTheJdkEjmlAndTheCore() throws IOException {
        Path root = Path.of("src/main/java/org/verl4j");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String pkg : CORE) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    files++;
                    String src = Files.readString(p);
                    boolean simd = p.startsWith(root.resolve("rank/simd"));
                    Matcher m = IMPORT.matcher(src);
                    while (m.find()) {
                        String imported = m.group(1);
                        if (!allowed(imported) && !(simd && imported.startsWith("jdk.incubator.vector.")))
                            violations.add(p + ": import " + imported);
                    }
                    Matcher f = FOREIGN.matcher(src);
                    while (f.find()) violations.add(p + ": refers to " + f.group(1));
                }
            }
        }
        assertThat(files).as("core source files found").isPositive();
        assertThat(violations).as("core packages must depend on the JDK and EJML only").isEmpty();
    }

    /** Package (directory under org/verl4j) → packages it must not name, by import or fully qualified name. */
    static final Map<String, List<String>> FORBIDDEN_INSIDE_CORE = Map.of(
            "rank", List.of("org.verl4j.shaping", "org.verl4j.rl"),
            "rl", List.of("org.verl4j.shaping"),
            "shaping", List.of("org.verl4j.shaping.parity"));

    @Test
    void insideTheCoreDependenciesPointOneWay() throws IOException {
        Path root = Path.of("src/main/java/org/verl4j");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> rule : FORBIDDEN_INSIDE_CORE.entrySet()) {
            Path dir = root.resolve(rule.getKey());
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    String pkg = root.relativize(p.getParent()).toString().replace('/', '.');
                    for (String forbidden : rule.getValue()) {
                        if (("org.verl4j." + pkg + ".").startsWith(forbidden + ".")) continue;   // its own subpackage
                        files++;
                        Matcher m = Pattern.compile("\\b" + Pattern.quote(forbidden) + "\\.").matcher(withoutComments(Files.readString(p)));
                        if (m.find()) violations.add(p + " names " + forbidden);
                    }
                }
            }
        }
        assertThat(files).as("core source files checked").isPositive();
        assertThat(violations).as("rank ← rl ← shaping ← shaping.parity").isEmpty();
    }

    /** The source without block and line comments (string literals in the core hold no comment markers). */
    static String withoutComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    static boolean allowed(String name) {
        if (name.startsWith("java.") || name.startsWith("org.ejml.")) return true;
        for (String pkg : CORE) if (name.startsWith("org.verl4j." + pkg + ".")) return true;
        return false;
    }
}

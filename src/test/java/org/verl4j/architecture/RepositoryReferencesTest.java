package org.verl4j.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the code and the README cite is in the repository: a person who clones the project has
 * {@code docs/ALGORITHM.md} and {@code docs/PERFORMANCE.md}, not the {@code ../shared} folder beside the developers'
 * checkout, which only the tests read (for fixtures). So main code, the README and the docs name no path outside the
 * repository and no "spec §N", and every {@code ALGORITHM.md §N} they cite is a section of that file.
 */
class RepositoryReferencesTest {

    /** References to files that are not in the repository. */
    static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\\bshared/(spec|golden|data|models|tokenizers)"
            + "|VERL-SPEC|ER-FAST-PATH|\\b[Ss]pec(?:'s)? §\\d");
    static final Pattern CITED = Pattern.compile("ALGORITHM\\.md §(\\d+)(?:\\.(\\d+))?");
    static final Pattern SECTION = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ", Pattern.MULTILINE);

    @Test
    void mainCodeTheReadmeAndTheDocsPointOnlyInsideTheRepository() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path p : documents()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE.matcher(lines.get(i));
                if (m.find()) violations.add(p + ":" + (i + 1) + ": " + m.group());
            }
        }
        assertThat(violations).as("references outside the repository").isEmpty();
    }

    @Test
    void everyCitedAlgorithmSectionExists() throws IOException {
        Set<String> sections = new TreeSet<>();
        Matcher s = SECTION.matcher(Files.readString(Path.of("docs/ALGORITHM.md")));
        while (s.find()) sections.add(s.group(1));
        assertThat(sections).as("sections of docs/ALGORITHM.md").contains("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        List<String> missing = new ArrayList<>();
        int cited = 0;
        for (Path p : documents()) {
            Matcher m = CITED.matcher(Files.readString(p));
            while (m.find()) {
                cited++;
                String section = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
                if (!sections.contains(section) && !sections.contains(m.group(1))) missing.add(p + ": §" + section);
            }
        }
        assertThat(cited).as("citations of ALGORITHM.md found").isGreaterThan(100);
        assertThat(missing).as("cited sections that docs/ALGORITHM.md does not have").isEmpty();
    }

    /** Main sources, the README and the docs. */
    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("src/main", "docs", "models", "benchmarks-data"))
            try (Stream<Path> paths = Files.walk(Path.of(dir))) {
                paths.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".md")).forEach(files::add);
            }
        return files;
    }
}

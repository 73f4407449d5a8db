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
 * The outer layers point one way: graph → model → trainstep → rollout → eval → {sft, trainer, analysis} → cli → spark
 * (sft, trainer and analysis are siblings: none uses another). A package may use the ones before it, never one after
 * it. Checked on the sources: every import and fully qualified name.
 */
class LayerDependencyTest {

    /** Each package and the packages above it, which it must not use. */
    static final Map<String, List<String>> ABOVE = Map.of(
            "graph", List.of("model", "trainstep", "rollout", "eval", "sft", "trainer", "analysis", "cli", "spark"),
            "model", List.of("trainstep", "rollout", "eval", "sft", "trainer", "analysis", "cli", "spark"),
            "trainstep", List.of("rollout", "eval", "sft", "trainer", "analysis", "cli", "spark"),
            "rollout", List.of("eval", "sft", "trainer", "analysis", "cli", "spark"),
            "eval", List.of("sft", "trainer", "analysis", "cli", "spark"),
            "sft", List.of("trainer", "analysis", "cli", "spark"),
            "trainer", List.of("sft", "analysis", "cli", "spark"),
            "analysis", List.of("trainer", "sft", "cli", "spark"),
            "cli", List.of("spark"));

    @Test
    void everyLayerUsesNothingAboveIt() throws IOException {
        Path root = Path.of("src/main/java/org/verl4j");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> e : ABOVE.entrySet()) {
            Pattern above = Pattern.compile("\\borg\\.verl4j\\.(" + String.join("|", e.getValue()) + ")\\.");
            Path dir = root.resolve(e.getKey());
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    files++;
                    Matcher m = above.matcher(Files.readString(p));
                    while (m.find()) violations.add(p + " uses org.verl4j." + m.group(1));
                }
            }
        }
        assertThat(files).as("layer source files found").isPositive();
        assertThat(violations).as("graph → model → trainstep → rollout → eval → sft|trainer|analysis → cli → spark").isEmpty();
    }
}

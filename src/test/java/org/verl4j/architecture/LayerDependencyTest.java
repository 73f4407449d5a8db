package org.verl4j.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the house, and the packages it may use: the support packages (io, grader, tasks,
 * eval.benchmarks, metrics), the outer layers (graph → model → trainstep → rollout → eval → the jobs sft, trainer,
 * analysis and bench, which are siblings), and the two front ends over them, {@code cli} and {@code spark}, which
 * share their options through {@code commandline} and never use each other. The table is acyclic, so no package can
 * use one above it. Checked on the sources with comments removed (a javadoc cross-reference is documentation, not a
 * dependency): every import and fully qualified name. A package's subpackages belong to it ({@code rank.fast} is
 * {@code rank}), except {@code eval.benchmarks}, which eval itself uses. The core's own rules (JDK and EJML only;
 * rank ← rl ← shaping) are {@link CoreDependencyTest}'s.
 */
class LayerDependencyTest {

    static final Path ROOT = Path.of("src/main/java/org/verl4j");

    /** Each package and the packages it may use. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("io");
        allow("rank");
        allow("rl");
        allow("shaping", "rank", "rl");
        allow("grader", "io", "rl");
        allow("tasks", "io", "grader", "rl");
        allow("eval.benchmarks", "io", "grader");
        allow("metrics", "io", "rank");
        allow("graph", "io");
        allow("model", "io", "graph");
        allow("trainstep", "io", "graph", "model", "rl");
        allow("rollout", "io", "graph", "model", "rank", "tasks");
        allow("eval", "io", "rank", "rl", "grader", "tasks", "eval.benchmarks", "graph", "model", "rollout");
        List<String> library = new ArrayList<>(ALLOWED.keySet());
        allow("sft", library);
        allow("trainer", library);
        allow("analysis", library);
        allow("bench", library);
        List<String> jobs = new ArrayList<>(ALLOWED.keySet());
        allow("commandline", jobs);
        jobs.add("commandline");
        allow("cli", jobs);
        allow("spark", jobs);
    }

    private static void allow(String pkg, String... uses) {
        allow(pkg, List.of(uses));
    }

    private static void allow(String pkg, List<String> uses) {
        Set<String> set = new HashSet<>(uses);
        set.remove(pkg);
        ALLOWED.put(pkg, set);
    }

    static final Pattern REFERENCE = Pattern.compile("\\borg\\.verl4j\\.([a-z][\\w.]*?)\\.[A-Z]");

    @Test
    void everyPackageIsPlacedInTheTable() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path p : sources()) found.add(unit(packageOf(p)));
        assertThat(ALLOWED.keySet()).as("packages of src/main/java/org/verl4j (place a new one in ALLOWED)")
                .containsAll(found);
        assertThat(found).as("packages the table names that exist").containsAll(ALLOWED.keySet());
    }

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files = sources();
        for (Path p : files) {
            String me = unit(packageOf(p));
            Matcher m = REFERENCE.matcher(CoreDependencyTest.withoutComments(Files.readString(p)));
            while (m.find()) {
                String used = unit(m.group(1));
                if (!used.equals(me) && !ALLOWED.getOrDefault(me, Set.of()).contains(used))
                    violations.add(p + " (" + me + ") uses org.verl4j." + used);
            }
        }
        assertThat(files).as("main source files found").isNotEmpty();
        assertThat(violations).as("dependencies the table does not allow").isEmpty();
    }

    @Test
    void theTableIsAcyclicSoNothingPointsUp() {
        Map<String, Integer> state = new HashMap<>();                  // 1 on the path, 2 done
        for (String start : ALLOWED.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            assertThat(cycleFrom(start, state, path)).as("a cycle through " + path).isFalse();
        }
    }

    @Test
    void theTwoFrontEndsNeverUseEachOther() {
        assertThat(ALLOWED.get("spark")).doesNotContain("cli");
        assertThat(ALLOWED.get("cli")).doesNotContain("spark");
        for (String pkg : ALLOWED.keySet())
            if (!pkg.equals("cli") && !pkg.equals("spark"))
                assertThat(ALLOWED.get(pkg)).as(pkg).doesNotContain("cli", "spark");
    }

    private static boolean cycleFrom(String pkg, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(pkg);
        if (s != null) return s == 1;
        state.put(pkg, 1);
        path.addLast(pkg);
        for (String next : ALLOWED.get(pkg)) if (cycleFrom(next, state, path)) return true;
        path.removeLast();
        state.put(pkg, 2);
        return false;
    }

    /** The layer a package belongs to: its top-level package, or {@code eval.benchmarks}. */
    static String unit(String pkg) {
        return pkg.equals("eval.benchmarks") || pkg.startsWith("eval.benchmarks.") ? "eval.benchmarks" : pkg.split("\\.")[0];
    }

    private static String packageOf(Path file) {
        return ROOT.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(ROOT)).toList();
        }
    }
}

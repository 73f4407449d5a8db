package org.verl4j.grader;

import org.junit.jupiter.api.Test;
import org.verl4j.eval.benchmarks.Benchmark;
import org.verl4j.eval.benchmarks.BenchmarkItem;
import org.verl4j.eval.benchmarks.BenchmarkLoader;
import org.verl4j.testing.SharedDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response that boxes exactly the ground truth is correct: for every answer of every benchmark set in
 * {@code ../shared/data/benchmarks} (about 10,000 real answers in every notation the sets use), grading
 * {@code \boxed{answer}} against {@code answer} with the set's rules gives "correct". Guards extraction and
 * normalisation against answers they would mangle asymmetrically.
 */
class BenchmarkAnswersSelfGradeTest {

    @Test
    void everyBenchmarkAnswerBoxedGradesAsCorrect() {
        Path root = SharedDir.require("data/benchmarks");
        Map<Benchmark, List<BenchmarkItem>> sets = BenchmarkLoader.loadAvailable(root);
        MathGrader grader = new MathGrader();
        List<String> wrong = new ArrayList<>();
        int graded = 0;
        for (List<BenchmarkItem> items : sets.values()) {
            for (BenchmarkItem item : items) {
                Verdict v = grader.grade("The final result is \\boxed{" + item.answer() + "}.", item.answer(), item.dataset());
                graded++;
                if (!v.correct()) wrong.add(item.dataset() + " " + item.id() + ": " + item.answer() + " → " + v.reason());
            }
        }
        assertThat(sets).as("benchmark sets found").hasSize(Benchmark.values().length);
        assertThat(graded).isGreaterThan(5000);
        assertThat(wrong).as("answers that do not grade equal to themselves").isEmpty();
    }
}

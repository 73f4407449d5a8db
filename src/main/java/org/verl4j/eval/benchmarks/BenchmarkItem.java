package org.verl4j.eval.benchmarks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation problem, whatever the layout of the file it came from.
 *
 * @param dataset  the benchmark's directory name ({@code "gsm8k"}, {@code "gaokao2024_I"}, …)
 * @param id       the dataset's own id where it has one (idx, unique_id, ID, "exam #n"), else the 0-based line
 * @param question the question as posed to the model (before any {@link PromptTemplate})
 * @param answer   the ground truth as written by the dataset, lightly cleaned (see {@link Benchmark}); never blank
 * @param choices  the option letters of a multiple-choice item ({@code [A, B, C, D]}; then {@code answer} is one
 *                 or more of them, e.g. "BC"), empty otherwise
 * @param solution the reference solution or chain of thought when the dataset has one
 */
public record BenchmarkItem(String dataset, String id, String question, String answer, List<String> choices,
                            Optional<String> solution) {

    public BenchmarkItem {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(solution, "solution");
        choices = List.copyOf(choices);
        if (question.isBlank()) throw new IllegalArgumentException("empty question in " + dataset + " item " + id);
        if (answer.isBlank()) throw new IllegalArgumentException("empty answer in " + dataset + " item " + id);
    }

    /** Whether the item is multiple choice (its answer is made of option letters). */
    public boolean isMultipleChoice() {
        return !choices.isEmpty();
    }
}

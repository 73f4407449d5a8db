package org.verl4j.grader;

import org.verl4j.grader.symbolic.Deadline;
import org.verl4j.grader.symbolic.GradingTimeoutException;

import java.util.Optional;
import java.util.Set;

/**
 * Grades a model response against a ground truth as the Qwen2.5-Math evaluation toolkit does (ALGORITHM.md §9):
 * extract the answer ({@link AnswerExtractor}), normalise both sides ({@link AnswerNormaliser}, which first
 * rewrites the forms a human reads as the plain answer, {@link HumanForms}; twice for the
 * prediction as the reference's pipeline does), fix up choice letters, decide equivalence
 * ({@link MathEquivalence}).
 *
 * <pre>
 * pred = strip(strip(extract(response)))            gt = strip(strip(groundTruth))   (minerva_math, carp_en: gt kept)
 *                                                   (the reference strips gt once; twice makes both sides alike)
 * gt ∈ {A..E}, pred ∉ {A..E}      → pred = choice letter of the whole response
 * gt ⊆ {A..E}*, pred ⊄ {A..E}*    → pred = the letters A–E of pred
 *                                   (none: the letters of a last "故选：BC"-style conclusion, a deliberate addition)
 * correct = pred ≠ "" ∧ (math_equal(pred, gt) ∨ same solution set of the equations as written)
 *                                                 (the reference lets an empty answer match an empty gt)
 * |extract(response)| &gt; MAX_ANSWER_CHARS → wrong, "answer_too_long"  (bounded work per item)
 * </pre>
 *
 * Thread-safe and stateless. {@link #grade(String, String, String)} has no deadline; {@link GradingExecutor}
 * runs items with one.
 */
public final class MathGrader implements ItemGrader {

    /** Reason prefix of a verdict whose grading failed with an unexpected exception (wrong, and reported). */
    public static final String ERROR_PREFIX = "grader_error: ";
    private static final Set<String> KEEP_GROUND_TRUTH = Set.of("carp_en", "minerva_math");
    /**
     * Longest extracted answer that is normalised and compared (characters). Benchmark answers are a few hundred
     * characters at most; a longer "answer" is a runaway (thousands of digits) and is graded wrong at once, so
     * every later stage works on a bounded string (deliberate: the reference spends quadratic time on it).
     */
    public static final int MAX_ANSWER_CHARS = 4096;

    /** Grades one response; {@code datasetName} (nullable) decides extraction rules such as multiple choice. */
    public Verdict grade(String response, String groundTruth, String datasetName) {
        return grade(response, groundTruth, datasetName, Deadline.none());
    }

    /** As {@link #grade(String, String, String)}, giving up with a timeout verdict once {@code deadline} passes. */
    public Verdict grade(String response, String groundTruth, String datasetName, Deadline deadline) {
        String extracted = "";
        boolean boxed = false;
        try {
            Extraction found = AnswerExtractor.extract(response, datasetName);
            boxed = found.boxed();
            if (found.raw().length() > MAX_ANSWER_CHARS) {
                return new Verdict(false, found.raw().substring(0, 64) + "…", "answer_too_long", false, boxed);
            }
            if (groundTruth.length() > MAX_ANSWER_CHARS) {
                boolean same = found.raw().strip().equals(groundTruth.strip());
                return new Verdict(same, found.raw(), same ? "exact_string" : "ground_truth_too_long", false, boxed);
            }
            deadline.check();
            boolean skipUnit = datasetName != null && KEEP_GROUND_TRUTH.contains(datasetName);
            String pred = AnswerNormaliser.normalise(AnswerNormaliser.normalise(found.raw(), skipUnit), skipUnit);
            deadline.check();
            String gt = normaliseGroundTruth(groundTruth, datasetName);
            pred = choiceFixup(pred, gt, response);
            extracted = pred;
            boolean percent = found.raw().contains("%") || groundTruth.contains("%");
            if (pred.isEmpty()) return new Verdict(false, pred, "no_answer", false, boxed); // deliberate: "" ≠ ""
            MathEquivalence equivalence = new MathEquivalence(percent, deadline);
            Optional<String> rule = equivalence.equal(pred, gt);
            if (rule.isEmpty() && skipUnit) {
                // minerva_math / carp_en keep the ground truth raw (as the reference does, which then leans on
                // SymPy); without SymPy, also compare it normalised exactly as the prediction was, so that a
                // response boxing the ground truth verbatim is never wrong (deliberate difference 12).
                String gtLikePred = AnswerNormaliser.normalise(AnswerNormaliser.normalise(groundTruth, true), true);
                rule = equivalence.equal(pred, gtLikePred);
            }
            if (rule.isEmpty() && Equations.sameSolutionSet(found.raw(), groundTruth, deadline)) {
                rule = Optional.of("same_solution_set");
            }
            String reason = rule.orElse("not_equal");
            return new Verdict(rule.isPresent(), pred, reason, false, boxed);
        } catch (GradingTimeoutException e) {
            return Verdict.timeout(extracted, boxed);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in the grader must not abort a whole evaluation; the reason names it and callers count it.
            return new Verdict(false, extracted, ERROR_PREFIX + e, false, boxed);
        }
    }

    @Override
    public Verdict grade(GradingItem item, Deadline deadline) {
        return grade(item.response(), item.groundTruth(), item.dataset(), deadline);
    }

    /** The reference's parse_ground_truth post-processing: strip_string, except for minerva_math and carp_en. */
    static String normaliseGroundTruth(String groundTruth, String datasetName) {
        if (datasetName != null && KEEP_GROUND_TRUTH.contains(datasetName)) {
            return groundTruth.replace("\\neq", "\\ne").replace("\\leq", "\\le").replace("\\geq", "\\ge");
        }
        return AnswerNormaliser.normalise(AnswerNormaliser.normalise(groundTruth, false), false);
    }

    private static String choiceFixup(String pred, String gt, String response) {
        if (ChoiceAnswer.isSingleLetter(gt) && !ChoiceAnswer.isSingleLetter(pred)) {
            return ChoiceAnswer.fromResponse(response);
        }
        if (!ChoiceAnswer.isMultiChoice(gt)) return pred;
        String letters = ChoiceAnswer.isMultiChoice(pred) ? pred : ChoiceAnswer.keepLetters(pred);
        if (letters.isEmpty() && !gt.isEmpty()) return ChoiceAnswer.chineseConclusion(response).orElse("");
        return letters;
    }
}

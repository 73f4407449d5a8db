/**
 * Verifiable rewards for math answers (ALGORITHM.md §9): a Java re-implementation of the Qwen2.5-Math evaluation
 * toolkit's grader ({@code parser.py} extract_answer/strip_string, {@code grader.py} math_equal), with its own
 * symbolic layer in {@link org.verl4j.grader.symbolic} in place of SymPy.
 *
 * <pre>
 * response ──AnswerExtractor──▶ raw answer ──AnswerNormaliser×2──▶ pred ─┐
 *                                                                        ├─ MathEquivalence ─▶ Verdict
 * ground truth ──────────────────────────AnswerNormaliser×2──▶ gt ───────┘   (GradingExecutor: deadline per item)
 * </pre>
 *
 * Deliberate differences from the reference (each a general rule; the README lists them with reasons):
 * <ol>
 *   <li>a side written as an integer literal needs an exactly equal number (reference: rel_tol 1e-4, so
 *       60001 = 60000);</li>
 *   <li>r/100 and r·100 count only when a percent sign was written (reference: always, so 600 = 6);</li>
 *   <li>interval brackets must match: (3,4) ≠ (3,4];</li>
 *   <li>comma lists, sets and ∪ of intervals compare unordered; ± stands for both signs;</li>
 *   <li>commas are thousands separators only (2,7 ≠ 27); underscores are not digit separators
 *       (2516_9 ≠ 2516_8);</li>
 *   <li>units: \text{cm}^2, \mathrm{~cm}, "\ " before \text, "12 dollars", °, {,} and \, thousands;</li>
 *   <li>a one-symbol left side is dropped (\theta = 32, x_1 = 12, x \approx 20);</li>
 *   <li>a mixed number written alone is N + a/b (reference: N·a/b);</li>
 *   <li>答案是: the last occurrence, a closing 。 dropped; 故选：BC for multi-choice; choice letters are delimited
 *       by ASCII non-alphanumerics (答案是C);</li>
 *   <li>an empty answer is never correct (reference: "" = "" when unit words erased both);</li>
 *   <li>strings: spaces never matter, \ln2 = ln2, "even function" = "even"; inequalities compare side by side;</li>
 *   <li>the ground truth is normalised twice like the prediction; \fbox{} is read when there is no \boxed.</li>
 * </ol>
 */
package org.verl4j.grader;

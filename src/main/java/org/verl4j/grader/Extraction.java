package org.verl4j.grader;

/**
 * What {@link AnswerExtractor} took from a response, before normalisation.
 *
 * @param raw    the answer text as found
 * @param branch the rule that found it: choice, minerva_final_answer, last_boxed, he_answer_is,
 *               final_answer_is, chinese_answer_is, last_number, none
 * @param boxed  whether it came from a box
 */
record Extraction(String raw, String branch, boolean boxed) {
}

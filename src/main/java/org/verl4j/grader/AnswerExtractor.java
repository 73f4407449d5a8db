package org.verl4j.grader;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the answer out of a model response, ALGORITHM.md §9 order (the reference's {@code extract_answer}):
 *
 * <pre>
 * 1 choice datasets (mmlu_stem, sat_math, aqua, gaokao2023): the choice letter
 * 2 Minerva: text between "final answer is $" and "$. I hope"
 * 3 the last \boxed{…} (brace-balanced; an unclosed box counts only when the rest of the text is balanced,
 *   i.e. just the box's own "}" was cut off: deliberate, the reference keeps any rest, so "\boxed{{{1" = 1)
 * 4 text after the last "he answer is", else after the last "final answer is"
 * 5 text after "答案是" up to the next blank line
 * 6 the last number (commas removed), e.g. "-3.5"
 * </pre>
 *
 * Then line breaks are removed, one leading ':' and one trailing '.' and '/' dropped.
 * Deliberate difference: for 答案是 the LAST occurrence is used (the reference takes the first, so a
 * corrected answer is graded by the abandoned one), and a closing "。" is dropped.
 */
final class AnswerExtractor {

    static final Set<String> CHOICE_DATASETS = Set.of("mmlu_stem", "sat_math", "aqua", "gaokao2023");
    private static final Pattern LAST_NUMBER = Pattern.compile("-?\\d*\\.?\\d+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\n\\s*");
    private static final String KI = "\u043a\u0438";

    private AnswerExtractor() {
    }

    static Extraction extract(String response, String dataset) {
        String text = response.replace(KI, "");
        if (dataset != null && CHOICE_DATASETS.contains(dataset)) {
            return new Extraction(ChoiceAnswer.fromResponse(text), "choice", false);
        }
        Extraction found = find(text);
        String pred = found.raw();
        if (dataset != null && (dataset.equals("sat_math") || dataset.equals("aqua") || dataset.contains("mmlu"))) {
            List<String> letters = ChoiceAnswer.letters(pred);
            pred = letters.isEmpty() ? stripDots(pred.strip()) : letters.get(letters.size() - 1);
        }
        pred = LINE_BREAKS.matcher(pred).replaceAll("");
        if (pred.startsWith(":")) pred = pred.substring(1);
        if (pred.endsWith(".")) pred = pred.substring(0, pred.length() - 1);
        if (pred.endsWith("/")) pred = pred.substring(0, pred.length() - 1);
        return new Extraction(pred, found.branch(), found.boxed());
    }

    private static Extraction find(String text) {
        int minerva = text.indexOf("final answer is $");
        if (minerva >= 0 && text.contains("$. I hope")) {
            String tail = text.substring(minerva + "final answer is $".length());
            int end = tail.indexOf("$. I hope");
            return new Extraction((end >= 0 ? tail.substring(0, end) : tail).strip(), "minerva_final_answer", false);
        }
        BoxedAnswer.BoxScan box = BoxedAnswer.scanLast(text);
        // deliberate: an unclosed box is an answer only when just its own "}" is missing (a generation cut off
        // right there: "\boxed{\frac{1}{90}"); "\boxed{{{1" is none (the reference keeps the rest of the text)
        if (box != null) {
            boolean cutOff = box.closed() || Brackets.bracesBalanced(box.content());
            return new Extraction(cutOff ? box.content() : "", "last_boxed", true);
        }
        for (String trigger : new String[] {"he answer is", "final answer is"}) {
            int at = text.lastIndexOf(trigger);
            if (at >= 0) {
                String branch = trigger.startsWith("he") ? "he_answer_is" : "final_answer_is";
                return new Extraction(text.substring(at + trigger.length()).strip(), branch, false);
            }
        }
        int chinese = text.lastIndexOf("答案是");
        if (chinese >= 0) {
            String tail = text.substring(chinese + "答案是".length()).strip();
            int blank = tail.indexOf("\n\n");
            String answer = (blank >= 0 ? tail.substring(0, blank) : tail).strip();
            int end = answer.length();
            while (end > 0 && (answer.charAt(end - 1) == '。' || answer.charAt(end - 1) == '．')) end--;
            answer = answer.substring(0, end);                                   // deliberate: "答案是163。"
            return new Extraction(answer, "chinese_answer_is", false);
        }
        Matcher m = LAST_NUMBER.matcher(text.replace(",", ""));
        String last = "";
        while (m.find()) last = m.group();
        return new Extraction(last, last.isEmpty() ? "none" : "last_number", false);
    }

    private static String stripDots(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '.') k++;
        return AnswerNormaliser.stripTrailing(s.substring(k), '.');
    }
}

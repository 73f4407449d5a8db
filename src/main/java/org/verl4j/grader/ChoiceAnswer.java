package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multiple-choice letters, the reference's {@code choice_answer_clean} (parser and grader versions) and
 * {@code is_multi_choice}.
 *
 * <pre>
 * "... so the answer is (B)."  →  "B"        "I pick C"  →  "C"        "42"  →  "42" (no letter: the text)
 * </pre>
 *
 * Deliberate difference: a letter is delimited by non-ASCII-alphanumerics, so "答案是C。" yields C (Python's
 * Unicode {@code \b} sees no boundary between 是 and C).
 */
final class ChoiceAnswer {

    private static final Pattern LETTER = Pattern.compile("(?<![A-Za-z0-9_])([A-E])(?![A-Za-z0-9_])");
    private static final Pattern CHINESE_CONCLUSION = Pattern.compile("选[:：]?\\s*([A-E]{1,5})(?![A-Za-z])");
    private static final Pattern TRIGGER = Pattern.compile("choice is|answer is");

    private ChoiceAnswer() {
    }

    /** Every stand-alone letter A–E in the upper-cased text, in order. */
    static List<String> letters(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LETTER.matcher(text.toUpperCase(Locale.ROOT));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** parser.py {@code choice_answer_clean}: the letter after the last "answer is", else the last letter. */
    static String fromResponse(String response) {
        String pred = stripBoth(response, '\n');
        boolean fewShot = count(pred, "choice is") > 1 || count(pred, "answer is") > 1;
        if (fewShot) pred = pred.split("\n\n", -1)[0];
        String[] parts = TRIGGER.split(pred, -1);
        boolean triggered = parts.length > 1;
        if (triggered) pred = parts[parts.length - 1];
        pred = cleanEdges(pred);
        List<String> found = letters(pred);
        String answer;
        if (!found.isEmpty()) answer = triggered ? found.get(0) : found.get(found.size() - 1);
        else answer = AnswerNormaliser.stripTrailing(stripDots(pred.strip()), '.');
        return stripTrailingSlash(AnswerNormaliser.stripTrailing(answer, '.'));
    }

    /** grader.py {@code choice_answer_clean}: the last letter of an extracted answer, else the text. */
    static String fromAnswer(String answer) {
        String pred = cleanEdges(answer);
        List<String> found = letters(pred);
        String last = found.isEmpty() ? stripDots(pred.strip()) : found.get(found.size() - 1);
        return stripTrailingSlash(AnswerNormaliser.stripTrailing(last, '.'));
    }

    /** The letters of the last "故选：BC" / "选 AD" in a response (deliberate addition for Chinese answers). */
    static java.util.Optional<String> chineseConclusion(String response) {
        Matcher m = CHINESE_CONCLUSION.matcher(response);
        String last = null;
        while (m.find()) last = m.group(1);
        return java.util.Optional.ofNullable(last);
    }

    /** Whether every character is one of A–E (true for "" as in the reference). */
    static boolean isMultiChoice(String s) {
        return s.chars().allMatch(c -> c >= 'A' && c <= 'E');
    }

    static boolean isSingleLetter(String s) {
        return s.length() == 1 && isMultiChoice(s);
    }

    /** The letters A–E of s, in order ("A, C" → "AC"). */
    static String keepLetters(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().filter(c -> c >= 'A' && c <= 'E').forEach(c -> out.append((char) c));
        return out.toString();
    }

    /** strip("\n").rstrip(".").rstrip("/").strip(" ").lstrip(":") */
    private static String cleanEdges(String s) {
        String t = stripBoth(s, '\n');
        t = AnswerNormaliser.stripTrailing(t, '.');
        t = AnswerNormaliser.stripTrailing(t, '/');
        t = stripBoth(t, ' ');
        return stripLeading(t, ':');
    }

    private static String stripDots(String s) {
        return AnswerNormaliser.stripTrailing(stripLeading(s, '.'), '.');
    }

    /** s without leading and trailing c (a loop, not "^c+|c+$": that regex is quadratic on a long run of c). */
    private static String stripBoth(String s, char c) {
        return AnswerNormaliser.stripTrailing(stripLeading(s, c), c);
    }

    private static String stripLeading(String s, char c) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == c) k++;
        return s.substring(k);
    }

    private static String stripTrailingSlash(String s) {
        return AnswerNormaliser.stripTrailing(s, '/');
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int k = s.indexOf(sub); k >= 0; k = s.indexOf(sub, k + sub.length())) n++;
        return n;
    }
}

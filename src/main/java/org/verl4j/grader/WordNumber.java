package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English number words to digits, the {@code convert_word_number} step of the reference (which calls
 * {@code word2number.w2n.word_to_num} and keeps the text unchanged when that raises).
 *
 * <pre>
 * "Two" → "2"     "twenty one" → "21"     "one hundred and five" → "105"     "x + 1" → "x + 1"
 * </pre>
 *
 * Like w2n, hyphens become spaces, only whitespace-separated tokens that are number words count (other
 * words are ignored), and a text with no number word is returned unchanged; a digit-only text loses its
 * leading zeros ("045" → "45").
 */
final class WordNumber {

    private static final Map<String, Long> SMALL = Map.ofEntries(
            Map.entry("zero", 0L), Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L),
            Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L),
            Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L),
            Map.entry("twelve", 12L), Map.entry("thirteen", 13L), Map.entry("fourteen", 14L),
            Map.entry("fifteen", 15L), Map.entry("sixteen", 16L), Map.entry("seventeen", 17L),
            Map.entry("eighteen", 18L), Map.entry("nineteen", 19L), Map.entry("twenty", 20L),
            Map.entry("thirty", 30L), Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("sixty", 60L),
            Map.entry("seventy", 70L), Map.entry("eighty", 80L), Map.entry("ninety", 90L));
    private static final Map<String, Long> SCALE = Map.of(
            "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

    private WordNumber() {
    }

    /** The digits for the number words in {@code text}, or {@code text} itself when it has none. */
    static String convert(String text) {
        String s = text.replace('-', ' ').toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return s.length() > 18 ? text : Long.toString(Long.parseLong(s));
        }
        List<String> words = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (SMALL.containsKey(w) || SCALE.containsKey(w) || w.equals("hundred") || w.equals("point")) words.add(w);
        }
        if (words.isEmpty()) return text;
        int point = words.indexOf("point");
        if (point >= 0 && words.lastIndexOf("point") != point) return text;
        List<String> integerWords = point >= 0 ? words.subList(0, point) : words;
        long whole = integerWords.isEmpty() ? 0 : integerValue(integerWords);
        if (whole < 0) return text;
        if (point < 0) return Long.toString(whole);
        StringBuilder decimals = new StringBuilder();
        for (String w : words.subList(point + 1, words.size())) {
            Long d = SMALL.get(w);
            if (d == null || d > 9) return text;
            decimals.append(d);
        }
        return decimals.length() == 0 ? Long.toString(whole) : whole + "." + decimals;
    }

    /** "one hundred twenty three thousand four" → 123004; −1 when the words do not form a number. */
    private static long integerValue(List<String> words) {
        long total = 0;
        long current = 0;
        for (String w : words) {
            if (SMALL.containsKey(w)) {
                current += SMALL.get(w);
            } else if (w.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
            } else {
                long scale = SCALE.get(w);
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
            }
        }
        return total + current;
    }
}

package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Unit words removed from answers, step "Remove unit: texts" of the reference {@code strip_string}.
 *
 * <pre>
 * for pass in 1..2: for w in WORDS ++ [w + "s" for w in WORDS]:
 *     s' = s with every (^|\W)w($|\W) replaced by its two delimiters;  s = s' unless s' is ""
 * </pre>
 *
 * The words are the reference's list (mostly MathQA units, single letters included), in its order, and
 * like the reference they are regular expressions: {@code "a ."} means "a", a space, any character.
 * Deliberate difference: a word preceded by a backslash is a LaTeX command, not a unit, so the left
 * delimiter may not be {@code \} ({@code 1\pm\sqrt{5}} keeps its {@code \pm}; the reference removes "pm").
 * A removal that would leave no letter or digit at all is not applied (the reference turns
 * {@code \text{east}} into {@code \text{}}, which then equals every other erased word).
 */
final class UnitWords {

    private static final List<String> WORDS = List.of(
            "east", "degree", "mph", "kmph", "ft", "m sqaure", " m east", "sq m", "deg", "mile", "q .",
            "monkey", "prime", "ratio", "profit of rs", "rd", "o", "gm", "p . m", "lb", "tile", "per", "dm",
            "lt", "gain", "ab", "way", "west", "a .", "b .", "c .", "d .", "e .", "f .", "g .", "h .", "t",
            "a", "h", "no change", "men", "soldier", "pie", "bc", "excess", "st", "inches", "noon",
            "percent", "by", "gal", "kmh", "c", "acre", "rise", "a . m", "th", "π r 2", "sq", "mark", "l",
            "toy", "coin", "sq . m", "gallon", "° f", "profit", "minw", "yr", "women", "feet", "am", "pm",
            "hr", "cu cm", "square", "v â € ™", "are", "rupee", "rounds", "cubic", "cc", "mtr", "s", "ohm",
            "number", "kmph", "day", "hour", "minute", "min", "second", "man", "woman", "sec", "cube", "mt",
            "sq inch", "mp", "∏ cm ³", "hectare", "more", "sec", "unit", "cu . m", "cm 2", "rs .", "rs",
            "kg", "g", "month", "km", "m", "cm", "mm", "apple", "liter", "loss", "yard", "pure", "year",
            "increase", "decrease", "d", "less", "Surface", "litre", "pi sq m", "s .", "metre", "meter",
            "inch");

    private static final List<Pattern> PATTERNS = new ArrayList<>();
    /** Per pattern, a literal every match contains (the word up to its first '.'): a cheap pre-test. */
    private static final List<String> LITERALS = new ArrayList<>();

    static {
        List<String> all = new ArrayList<>(WORDS);
        for (String w : WORDS) all.add(w + "s");
        for (String w : all) {
            PATTERNS.add(Pattern.compile("(^|[^\\w\\\\])" + w + "($|\\W)", Pattern.UNICODE_CHARACTER_CLASS));
            int dot = w.indexOf('.');
            LITERALS.add(dot < 0 ? w : w.substring(0, dot));
        }
    }

    private UnitWords() {
    }

    /** The answer with unit words removed (two passes over the list, as the reference does). */
    static String remove(String s) {
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < PATTERNS.size(); k++) {
                if (s.isEmpty()) return s;
                if (!s.contains(LITERALS.get(k))) continue;
                String t = PATTERNS.get(k).matcher(s).replaceAll("$1$2");
                if (t.equals(s)) continue;
                if (!t.isEmpty() && hasLetterOrDigit(t)) s = t;
            }
        }
        return s;
    }

    private static boolean hasLetterOrDigit(String s) {
        String inner = s.replace("\\text", "").replace("\\mathrm", "");
        return inner.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}

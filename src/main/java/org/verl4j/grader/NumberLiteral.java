package org.verl4j.grader;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plain number as the reference's {@code parse_digits} reads it: Python {@code float()} of the text with
 * commas removed, or a percentage ("12%" → 0.12).
 *
 * <pre>
 * "1,234.5" → 1234.5     "-0.25" → -0.25     "3.89e-10" → 3.89·10⁻¹⁰     "12\%" → 0.12     "x" → none
 * </pre>
 *
 * Deliberate differences: a comma counts only as a thousands separator ({@code 1,234}); "2,7" is a list, not
 * 27 (the reference deletes every comma). Underscores are not digit separators ("2516_8" is a base-8
 * numeral, not 25168 as Python's float reads it). "inf" and "nan" are not numbers here.
 */
record NumberLiteral(BigDecimal value, boolean integerLiteral) {

    private static final Pattern PLAIN = Pattern.compile("[+-]?+(\\d++(?:\\.\\d*+)?+|\\.\\d++)([eE][+-]?+\\d++)?+"); // possessive: linear
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    static Optional<NumberLiteral> parse(String text) {
        String t = text.strip();
        if (t.contains(",")) {
            if (!THOUSANDS.matcher(t).matches()) return Optional.empty();
            t = t.replace(",", "");
        }
        if (PLAIN.matcher(t).matches()) {
            boolean integer = !t.contains(".") && !t.contains("e") && !t.contains("E");
            return Optional.of(new NumberLiteral(new BigDecimal(t), integer));
        }
        if (t.endsWith("%")) {
            String u = t.substring(0, t.length() - 1);
            if (u.endsWith("\\")) u = u.substring(0, u.length() - 1);
            if (PLAIN.matcher(u).matches()) {
                return Optional.of(new NumberLiteral(new BigDecimal(u).movePointLeft(2), false));
            }
        }
        return Optional.empty();
    }

    double toDouble() {
        return value.doubleValue();
    }
}

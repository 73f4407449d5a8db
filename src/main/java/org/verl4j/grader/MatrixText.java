package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matrices in {@code math_equal}: the {@code str_to_pmatrix} rewrite and the element-wise comparison. */
final class MatrixText {

    private static final Pattern BRACED_ROW = Pattern.compile("\\{.*,.*\\}");
    private static final int BEGIN_LENGTH = "\\begin{pmatrix}".length();
    private static final int END_LENGTH = "\\end{pmatrix}".length();

    private MatrixText() {
    }

    /** "{1,2}" → "\begin{pmatrix}1\2\end{pmatrix}" as the reference rewrites it ("" when no braced list). */
    static String fromBraces(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = BRACED_ROW.matcher(s.strip());
        while (m.find()) {
            String inner = m.group().replaceAll("^[{}]+|[{}]+$", "");
            out.add("\\begin{pmatrix}" + inner.replace(",", "\\") + "\\end{pmatrix}");
        }
        return String.join(", ", out);
    }

    /** Same number of rows and columns, and every entry equal. */
    static boolean equal(String pred, String ref, MathEquivalence eq) {
        List<String> p = rows(pred);
        List<String> r = rows(ref);
        if (p.size() != r.size()) return false;
        for (int k = 0; k < p.size(); k++) {
            String[] a = p.get(k).split("&", -1);
            String[] b = r.get(k).split("&", -1);
            if (a.length != b.length) return false;
            for (int j = 0; j < a.length; j++) {
                if (!eq.isEqual(a[j], b[j])) return false;
            }
        }
        return true;
    }

    private static List<String> rows(String matrix) {
        String body = matrix.substring(BEGIN_LENGTH, matrix.length() - END_LENGTH);
        List<String> rows = new ArrayList<>();
        for (String line : body.split(Pattern.quote("\\\\"), -1)) {
            if (!line.strip().isEmpty()) rows.add(line.strip());
        }
        return rows;
    }
}

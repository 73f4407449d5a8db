package org.verl4j.grader.symbolic;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two answers denote the same value — the symbolic layer that replaces SymPy's
 * {@code simplify(a − b) == 0} and {@code N(a) ≈ N(b)} in the reference's {@code symbolic_equal}.
 *
 * <pre>
 * constants:  one side written as a plain integer, both exact rationals:  a = b exactly
 *             otherwise (the reference's numeric path, float(N(·))):       |a − b| ≤ 1e-4 · max(|a|, |b|)
 * variables:  at P random points z (each variable uniform in [0.5, 2.5], real):
 *             |a(z) − b(z)| ≤ 1e-8 · max(|a(z)|, |b(z)|, 1)   at every point where both are finite
 * </pre>
 *
 * Points are drawn from a generator seeded by the two strings, so a verdict never changes between runs.
 * A mixed number written as the whole answer ({@code 5\frac{1}{2}}) means 5 + ½ (deliberate difference: the
 * reference reads it as 5 · ½).
 */
public final class SymbolicEquality {

    private static final double CONSTANT_REL_TOL = 1e-4;
    private static final double SYMBOLIC_REL_TOL = 1e-8;
    private static final int POINTS = 6;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern MIXED = Pattern.compile("(-?)(\\d+)\\\\frac\\{(\\d+)\\}\\{(\\d+)\\}");

    private SymbolicEquality() {
    }

    /** The parsed expression, or empty when the text is not an expression. */
    public static Optional<Expr> tryParse(String text, Deadline deadline) {
        try {
            Matcher mixed = MIXED.matcher(text);
            if (mixed.matches()) {
                text = mixed.group(1) + "(" + mixed.group(2) + "+\\frac{" + mixed.group(3) + "}{" + mixed.group(4) + "})";
            }
            return Optional.of(ExprParser.parse(text, deadline));
        } catch (ParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** a ≡ b as expressions (false when either does not parse). */
    public static boolean equal(String a, String b, Deadline deadline) {
        Optional<Expr> x = tryParse(a, deadline);
        Optional<Expr> y = tryParse(b, deadline);
        if (x.isEmpty() || y.isEmpty()) return false;
        boolean integerWritten = INTEGER.matcher(a.strip()).matches() || INTEGER.matcher(b.strip()).matches();
        return equal(x.get(), y.get(), integerWritten, deadline);
    }

    /**
     * x ≡ y: exact, numeric or by evaluation at random points (see the class comment); {@code integerWritten}:
     * one side was written as a plain integer, so constants must match exactly.
     */
    public static boolean equal(Expr x, Expr y, boolean integerWritten, Deadline deadline) {
        TreeSet<String> variables = new TreeSet<>();
        x.collectVariables(variables);
        y.collectVariables(variables);
        if (variables.isEmpty()) return equalConstants(x, y, integerWritten, deadline);
        SplittableRandom random = new SplittableRandom(x.toString().hashCode() * 31L + y.toString().hashCode());
        int agreed = 0;
        for (int attempt = 0; attempt < 4 * POINTS && agreed < POINTS; attempt++) {
            deadline.check();
            Map<String, Complex> point = new TreeMap<>();
            for (String v : variables) point.put(v, Complex.real(0.5 + 2 * random.nextDouble()));
            Complex a = x.eval(point, deadline);
            Complex b = y.eval(point, deadline);
            if (!a.isFinite() || !b.isFinite()) continue;
            if (!close(a, b, SYMBOLIC_REL_TOL, 1.0)) return false;
            agreed++;
        }
        return agreed >= POINTS / 2;
    }

    /**
     * a ≡ k·b for one constant k ≠ 0: the equations a = 0 and b = 0 have the same solution set (a plane written
     * two ways, "2x−y+z−3" and "4x−2y+2z−6"). Both sides need variables; k is read off the first point where
     * |b| &gt; 1e-6 and must fit every other point to the symbolic tolerance.
     */
    public static boolean proportional(String a, String b, Deadline deadline) {
        Optional<Expr> x = tryParse(a, deadline);
        Optional<Expr> y = tryParse(b, deadline);
        if (x.isEmpty() || y.isEmpty()) return false;
        TreeSet<String> variables = new TreeSet<>();
        x.get().collectVariables(variables);
        y.get().collectVariables(variables);
        if (variables.isEmpty()) return false;
        SplittableRandom random = new SplittableRandom(a.hashCode() * 31L + b.hashCode());
        Complex k = null;
        int agreed = 0;
        for (int attempt = 0; attempt < 4 * POINTS && agreed < POINTS; attempt++) {
            deadline.check();
            Map<String, Complex> point = new TreeMap<>();
            for (String v : variables) point.put(v, Complex.real(0.5 + 2 * random.nextDouble()));
            Complex p = x.get().eval(point, deadline);
            Complex q = y.get().eval(point, deadline);
            if (!p.isFinite() || !q.isFinite()) continue;
            if (k == null) {
                if (q.abs() <= 1e-6 || p.abs() <= 1e-6) continue;
                k = p.div(q);                                               // k = a(z₀) / b(z₀)
            }
            if (!close(p, k.mul(q), SYMBOLIC_REL_TOL, 1.0)) return false;
            agreed++;
        }
        return k != null && agreed >= POINTS / 2;
    }

    private static boolean equalConstants(Expr x, Expr y, boolean integerWritten, Deadline deadline) {
        if (integerWritten) {
            Optional<Rational> rx = x.exact();
            Optional<Rational> ry = y.exact();
            if (rx.isPresent() && ry.isPresent()) return rx.get().equals(ry.get());
        }
        Complex a = x.eval(Map.of(), deadline);
        Complex b = y.eval(Map.of(), deadline);
        return a.isFinite() && b.isFinite() && close(a, b, CONSTANT_REL_TOL, 0.0);
    }

    /** |a − b| ≤ tol · max(|a|, |b|, floor). */
    static boolean close(Complex a, Complex b, double tol, double floor) {
        double scale = Math.max(Math.max(a.abs(), b.abs()), floor);
        return a.sub(b).abs() <= tol * scale;
    }
}

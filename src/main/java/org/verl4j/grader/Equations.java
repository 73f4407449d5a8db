package org.verl4j.grader;

import org.verl4j.grader.symbolic.SymbolicEquality;

import java.util.Optional;

/**
 * Equations in {@code math_equal}: {@code a=b} vs {@code c=d} holds when a−(b) ≡ c−(d) or −(a−(b)) ≡ c−(d);
 * a "simple" equation {@code x=v} (left side of at most two characters) against a bare value compares v.
 */
final class Equations {

    private Equations() {
    }

    /** The verdict when an equation rule applies, empty when none does. */
    static Optional<Boolean> compare(String pred, String ref, MathEquivalence eq) {
        if (count(pred) == 1 && count(ref) == 1) {
            String p = asDifference(pred);
            String r = asDifference(ref);
            return Optional.of(SymbolicEquality.equal(p, r, eq.deadline())
                    || SymbolicEquality.equal("-(" + p + ")", r, eq.deadline()));
        }
        if (isSimple(pred) && !ref.contains("=")) return Optional.of(eq.isEqual(pred.split("=", -1)[1], ref));
        if (isSimple(ref) && !pred.contains("=")) return Optional.of(eq.isEqual(pred, ref.split("=", -1)[1]));
        return Optional.empty();
    }

    /**
     * Deliberate difference 18: two equations as written (before normalisation drops "x =" and "z =") with the
     * same solution set, a−(b) = k·(c−(d)) for a constant k ≠ 0 ("2x−y+z=3" ≡ "z=3−2x+y" ≡ "4x−2y+2z=6").
     * Only light clean-up is applied: dollars, \left/\right, spaces, \dfrac/\tfrac.
     */
    static boolean sameSolutionSet(String rawPred, String rawRef, org.verl4j.grader.symbolic.Deadline deadline) {
        String p = clean(rawPred);
        String r = clean(rawRef);
        if (count(p) != 1 || count(r) != 1) return false;
        return SymbolicEquality.proportional(asDifference(p), asDifference(r), deadline);
    }

    private static String clean(String s) {
        return s.replace("$", "").replace("\\left", "").replace("\\right", "").replace("\\dfrac", "\\frac")
                .replace("\\tfrac", "\\frac").replace("\\cdot", "*").replaceAll("\\\\[,;! ]|\\s", "");
    }

    /** "a=b" → "a-(b)". */
    private static String asDifference(String equation) {
        String[] parts = equation.split("=", -1);
        return parts[0].strip() + "-(" + parts[1].strip() + ")";
    }

    private static boolean isSimple(String s) {
        return count(s) == 1 && s.split("=", -1)[0].strip().length() <= 2;
    }

    private static int count(String s) {
        return (int) s.chars().filter(c -> c == '=').count();
    }
}

package org.verl4j.grader.symbolic;

import java.math.BigInteger;
import java.util.Optional;

/** The functions an answer may apply: trigonometric, hyperbolic, logarithmic, roots, |·| and n!. */
public enum MathFunction {
    SIN, COS, TAN, COT, SEC, CSC, ARCSIN, ARCCOS, ARCTAN, SINH, COSH, TANH, LN, EXP, SQRT, ABS, FACTORIAL;

    Complex apply(Complex z) {
        return switch (this) {
            case SIN -> z.sin();
            case COS -> z.cos();
            case TAN -> z.sin().div(z.cos());
            case COT -> z.cos().div(z.sin());
            case SEC -> Complex.ONE.div(z.cos());
            case CSC -> Complex.ONE.div(z.sin());
            case ARCSIN -> z.asin();
            case ARCCOS -> z.acos();
            case ARCTAN -> z.atan();
            case SINH -> z.exp().sub(z.negate().exp()).div(Complex.real(2));
            case COSH -> z.exp().add(z.negate().exp()).div(Complex.real(2));
            case TANH -> z.exp().sub(z.negate().exp()).div(z.exp().add(z.negate().exp()));
            case LN -> z.log();
            case EXP -> z.exp();
            case SQRT -> z.pow(Complex.real(0.5));
            case ABS -> Complex.real(z.abs());
            case FACTORIAL -> factorial(z);
        };
    }

    Optional<Rational> exact(Optional<Rational> arg) {
        if (arg.isEmpty()) return arg;
        Rational x = arg.get();
        return switch (this) {
            case ABS -> Optional.of(x.p().signum() < 0 ? x.negate() : x);
            case FACTORIAL -> x.isInteger() && x.p().signum() >= 0 && x.p().bitLength() < 11
                    ? Optional.of(new Rational(factorial(x.p().intValue()), BigInteger.ONE)) : Optional.empty();
            case SQRT -> exactSqrt(x);
            default -> Optional.empty();
        };
    }

    private static Optional<Rational> exactSqrt(Rational x) {
        if (x.p().signum() < 0) return Optional.empty();
        BigInteger p = x.p().sqrt();
        BigInteger q = x.q().sqrt();
        return p.multiply(p).equals(x.p()) && q.multiply(q).equals(x.q()) ? Optional.of(new Rational(p, q))
                : Optional.empty();
    }

    private static Complex factorial(Complex z) {
        if (z.im() != 0 || z.re() < 0 || z.re() != Math.rint(z.re()) || z.re() > 170) {
            return new Complex(Double.NaN, Double.NaN);
        }
        double f = 1;
        for (int k = 2; k <= (int) z.re(); k++) f *= k;
        return Complex.real(f);
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) f = f.multiply(BigInteger.valueOf(k));
        return f;
    }
}

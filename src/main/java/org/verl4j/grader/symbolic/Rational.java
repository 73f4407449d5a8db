package org.verl4j.grader.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction p/q in lowest terms with q > 0, the arithmetic of the exact comparison path.
 *
 * <pre>
 * a/b + c/d = (ad + cb)/(bd)      a/b · c/d = ac/(bd)      (a/b)^n = aⁿ/bⁿ (n ∈ ℤ, a ≠ 0 when n &lt; 0)
 * </pre>
 */
public record Rational(BigInteger p, BigInteger q) {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    /** Decimal literals beyond 10^±MAX_SCALE are not read exactly (1e999999999 would not fit in memory). */
    private static final int MAX_SCALE = 4000;

    public Rational {
        if (q.signum() == 0) throw new ArithmeticException("rational with zero denominator");
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        BigInteger g = p.gcd(q);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            p = p.divide(g);
            q = q.divide(g);
        }
    }

    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** The exact value of a decimal literal such as "0.125" or "3.89e-10". */
    public static Rational parseDecimal(String literal) {
        BigDecimal d = new BigDecimal(literal);
        if (Math.abs(d.scale()) > MAX_SCALE) throw new ArithmeticException("literal too large: " + literal);
        return d.scale() <= 0
                ? new Rational(d.toBigIntegerExact(), BigInteger.ONE)
                : new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    public Rational add(Rational o) {
        return new Rational(p.multiply(o.q).add(o.p.multiply(q)), q.multiply(o.q));
    }

    public Rational negate() {
        return new Rational(p.negate(), q);
    }

    public Rational multiply(Rational o) {
        return new Rational(p.multiply(o.p), q.multiply(o.q));
    }

    public Rational divide(Rational o) {
        return new Rational(p.multiply(o.q), q.multiply(o.p));
    }

    public Rational pow(int n) {
        if (n >= 0) return new Rational(p.pow(n), q.pow(n));
        return new Rational(q.pow(-n), p.pow(-n));
    }

    public boolean isInteger() {
        return q.equals(BigInteger.ONE);
    }

    public double toDouble() {
        return new BigDecimal(p).divide(new BigDecimal(q), java.math.MathContext.DECIMAL64).doubleValue();
    }
}

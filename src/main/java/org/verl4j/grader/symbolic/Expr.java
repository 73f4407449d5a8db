package org.verl4j.grader.symbolic;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An expression tree parsed from an answer ({@link ExprParser}); the closed family of nodes.
 * Each node evaluates at a point (complex, principal branches) and, where it is rational arithmetic on
 * rational literals, exactly.
 */
public sealed interface Expr {

    /** The value with each variable bound by {@code point}; NaN parts where undefined. */
    Complex eval(Map<String, Complex> point, Deadline deadline);

    /** The exact value when the node is rational arithmetic on rational literals (bounded powers). */
    Optional<Rational> exact();

    /** Adds the names of the free variables to {@code into}. */
    void collectVariables(Set<String> into);

    /** A rational literal (integers and terminating decimals are exact). */
    record Num(Rational value) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            return Complex.real(value.toDouble());
        }

        public Optional<Rational> exact() {
            return Optional.of(value);
        }

        public void collectVariables(Set<String> into) {
        }
    }

    /** π, e or the imaginary unit i. */
    record Const(String name, Complex value) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            return value;
        }

        public Optional<Rational> exact() {
            return Optional.empty();
        }

        public void collectVariables(Set<String> into) {
        }
    }

    /** A free variable (a letter, a Greek letter, a subscripted name, or an opaque token like 2516_8). */
    record Var(String name) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            return point.get(name);
        }

        public Optional<Rational> exact() {
            return Optional.empty();
        }

        public void collectVariables(Set<String> into) {
            into.add(name);
        }
    }

    /** a ∘ b for ∘ ∈ {+, −, ·, /, ^}. */
    record Binary(char op, Expr a, Expr b) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            deadline.check();
            Complex x = a.eval(point, deadline);
            Complex y = b.eval(point, deadline);
            return switch (op) {
                case '+' -> x.add(y);
                case '-' -> x.sub(y);
                case '*' -> x.mul(y);
                case '/' -> x.div(y);
                case '^' -> x.pow(y);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        public Optional<Rational> exact() {
            Optional<Rational> x = a.exact();
            if (x.isEmpty()) return x;
            Optional<Rational> y = b.exact();
            if (y.isEmpty()) return y;
            Rational u = x.get();
            Rational v = y.get();
            return switch (op) {
                case '+' -> Optional.of(u.add(v));
                case '-' -> Optional.of(u.add(v.negate()));
                case '*' -> Optional.of(u.multiply(v));
                case '/' -> v.p().signum() == 0 ? Optional.empty() : Optional.of(u.divide(v));
                case '^' -> exactPower(u, v);
                default -> Optional.empty();
            };
        }

        private static Optional<Rational> exactPower(Rational base, Rational exponent) {
            if (!exponent.isInteger() || exponent.p().bitLength() > 12) return Optional.empty();
            int n = exponent.p().intValue();
            if (Math.abs(n) > 2000 || (n < 0 && base.p().signum() == 0)) return Optional.empty();
            if ((long) Math.abs(n) * Math.max(base.p().bitLength(), base.q().bitLength()) > 200_000) {
                return Optional.empty();
            }
            return Optional.of(base.pow(n));
        }

        public void collectVariables(Set<String> into) {
            a.collectVariables(into);
            b.collectVariables(into);
        }
    }

    /** −a. */
    record Neg(Expr a) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            return a.eval(point, deadline).negate();
        }

        public Optional<Rational> exact() {
            return a.exact().map(Rational::negate);
        }

        public void collectVariables(Set<String> into) {
            a.collectVariables(into);
        }
    }

    /** A named function of one argument (sin, cos, …, ln, exp, sqrt, abs, factorial). */
    record Call(MathFunction function, Expr arg) implements Expr {
        public Complex eval(Map<String, Complex> point, Deadline deadline) {
            deadline.check();
            return function.apply(arg.eval(point, deadline));
        }

        public Optional<Rational> exact() {
            return function.exact(arg.exact());
        }

        public void collectVariables(Set<String> into) {
            arg.collectVariables(into);
        }
    }
}

package org.verl4j.grader.symbolic;

/**
 * A complex number for evaluating expressions at sample points; principal branches throughout
 * ({@code log z = ln|z| + i·arg z}, arg ∈ (−π, π]; {@code z^w = exp(w·log z)}; {@code √z = z^½}).
 */
public record Complex(double re, double im) {

    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(double x) {
        return new Complex(x, 0);
    }

    public Complex add(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex sub(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public Complex mul(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex div(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    public Complex exp() {
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    public Complex log() {
        return new Complex(Math.log(abs()), Math.atan2(im, re));
    }

    /** z^w; an integer power of a real or complex base is computed by repeated squaring (exact signs). */
    public Complex pow(Complex w) {
        if (w.im == 0 && w.re == Math.rint(w.re) && Math.abs(w.re) <= 64) {
            int n = (int) w.re;
            Complex result = ONE;
            Complex base = n >= 0 ? this : ONE.div(this);
            for (int k = Math.abs(n); k > 0; k >>= 1) {
                if ((k & 1) == 1) result = result.mul(base);
                base = base.mul(base);
            }
            return result;
        }
        if (im == 0 && w.im == 0 && re >= 0) return real(Math.pow(re, w.re));
        if (re == 0 && im == 0) return w.re > 0 ? new Complex(0, 0) : new Complex(Double.NaN, Double.NaN);
        return w.mul(log()).exp();
    }

    public Complex sin() {
        return new Complex(Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im));
    }

    public Complex cos() {
        return new Complex(Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im));
    }

    /** asin z = −i·log(iz + √(1 − z²)). */
    public Complex asin() {
        Complex root = ONE.sub(mul(this)).pow(real(0.5));
        return I.mul(this).add(root).log().mul(I).negate();
    }

    /** acos z = π/2 − asin z. */
    public Complex acos() {
        return real(Math.PI / 2).sub(asin());
    }

    /** atan z = (i/2)·log((i + z)/(i − z)). */
    public Complex atan() {
        return I.div(real(2)).mul(I.add(this).div(I.sub(this)).log());
    }
}

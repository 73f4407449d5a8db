package org.verl4j.graph;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.verl4j.graph.GradientCheck.Input;
import static org.verl4j.graph.GradientCheck.broadcastPartner;
import static org.verl4j.graph.GradientCheck.check;
import static org.verl4j.graph.GradientCheck.randomShape;

/** Elementwise gradients equal central finite differences (float64, random shapes, broadcasting either way). */
class ElementwiseGradientsProperties {


    private static void binary(long seed, double lo, double hi, BiFunction<GraphBuilder, Value[], Value> op) {
        Random rnd = new Random(seed);
        long[] a = randomShape(rnd, 1, 3), b = broadcastPartner(rnd, a);
        if (rnd.nextBoolean()) { long[] t = a; a = b; b = t; }                 // broadcast either operand
        check(rnd, List.of(Input.random(rnd, a, lo, hi), Input.random(rnd, b, lo, hi)),
                (g, x) -> op.apply(g, new Value[]{x.get(0), x.get(1)}));
    }

    private static void unary(long seed, double lo, double hi, java.util.function.BiFunction<GraphBuilder, Value, Value> op) {
        Random rnd = new Random(seed);
        check(rnd, List.of(Input.random(rnd, randomShape(rnd, 0, 3), lo, hi)), (g, x) -> op.apply(g, x.get(0)));
    }

    @Property(tries = 3)
    void addSubMulGradientsMatchFiniteDifferences(@ForAll long seed) {
        binary(seed, -1, 1, (g, x) -> g.mul(g.sub(g.add(x[0], x[1]), x[1]), g.add(x[1], x[0])));
    }

    @Property(tries = 3)
    void divGradientMatchesFiniteDifferences(@ForAll long seed) {
        binary(seed, 0.5, 2, (g, x) -> g.div(x[0], x[1]));
    }

    @Property(tries = 3)
    void powGradientMatchesFiniteDifferences(@ForAll long seed) {
        binary(seed, 0.5, 2, (g, x) -> g.pow(x[0], x[1]));
    }

    @Property(tries = 3)
    void minMaxGradientsMatchFiniteDifferences(@ForAll long seed) {
        binary(seed, -1, 1, (g, x) -> g.add(g.max(x[0], x[1]), g.mul(g.min(x[0], x[1]), g.scalarLike(x[0], 3))));
    }

    @Property(tries = 3)
    void whereGradientMatchesFiniteDifferences(@ForAll long seed) {
        binary(seed, -1, 1, (g, x) -> g.where(g.greater(x[0], g.scalarLike(x[0], 0)), x[0], g.mul(x[1], x[1])));
    }

    @Property(tries = 2)
    void smoothUnaryGradientsMatchFiniteDifferences(@ForAll long seed) {
        unary(seed, -1, 1, (g, x) -> g.add(g.add(g.tanh(x), g.sigmoid(x)), g.exp(x)));
        unary(seed + 1, -1, 1, (g, x) -> g.neg(g.identity(x)));
        unary(seed + 2, 0.5, 2, (g, x) -> g.add(g.add(g.log(x), g.sqrt(x)), g.reciprocal(x)));
    }

    @Property(tries = 2)
    void float32OnlyOpsGradientsMatchFiniteDifferencesThroughCast(@ForAll long seed) {
        Random rnd = new Random(seed);
        check(rnd, List.of(Input.random(rnd, randomShape(rnd, 1, 3), -1, 1)), (g, x) -> {
            Value f = g.cast(x.get(0), ElementType.FLOAT);
            return g.cast(g.add(g.add(g.cos(f), g.sin(f)), g.erf(f)), ElementType.DOUBLE);
        }, 1e-2, 2e-3);
    }

    @Property(tries = 2)
    void kinkedUnaryGradientsMatchFiniteDifferencesAwayFromTheKink(@ForAll long seed) {
        unary(seed, -1, 1, (g, x) -> g.add(g.relu(x), g.mul(g.abs(x), g.scalarLike(x, 0.5))));
        unary(seed + 1, -1, 1, (g, x) -> g.clip(g.mul(x, g.scalarLike(x, 3)), g.scalarLike(x, -1), g.scalarLike(x, 1.5)));
        unary(seed + 2, -1, 1, (g, x) -> g.cast(x, ElementType.DOUBLE));
    }
}

package org.verl4j.graph;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.verl4j.graph.GradientCheck.Input;
import static org.verl4j.graph.GradientCheck.check;
import static org.verl4j.graph.GradientCheck.randomShape;

/** Gradients of the element-moving ops and of gathers equal central finite differences (float64). */
class ShapeGradientsProperties {

    @Property(tries = 3)
    void reshapeTransposeUnsqueezeSqueezeGradientsMatchFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 3, 3);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> {
            Value t = g.transpose(x.get(0), 2, 0, 1);
            Value u = g.squeeze(g.unsqueeze(t, 1), 1);
            Value r = g.reshape(u, -1, shape[1]);
            return g.mul(r, r);
        });
    }

    @Property(tries = 3)
    void expandGradientMatchesFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] target = randomShape(rnd, 2, 3);
        long[] shape = GradientCheck.broadcastPartner(rnd, target);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> g.mul(g.expand(x.get(0), target), g.scalarLike(x.get(0), 2)));
    }

    @Property(tries = 3)
    void sliceGradientMatchesFiniteDifferencesIncludingNegativeAndClampedIndices(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 2, 3);
        int axis = rnd.nextInt(shape.length);
        long d = shape[axis];
        long start = rnd.nextInt((int) d + 1) - (rnd.nextBoolean() ? d : 0);
        long end = rnd.nextBoolean() ? Long.MAX_VALUE : rnd.nextInt((int) d + 1) - (rnd.nextBoolean() ? d : 0);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> {
            Value s = g.slice(x.get(0), new long[]{start, 0}, new long[]{end, -1}, new long[]{axis, (axis + 1) % shape.length});
            return g.mul(s, s);
        });
    }

    @Property(tries = 3)
    void concatGradientMatchesFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] a = randomShape(rnd, 1, 3);
        int axis = rnd.nextInt(a.length);
        long[] b = a.clone();
        b[axis] = 1 + rnd.nextInt(3);
        check(rnd, List.of(Input.random(rnd, a, -1, 1), Input.random(rnd, b, -1, 1)), (g, x) -> {
            Value c = g.concat(axis, x.get(0), x.get(1), x.get(0));
            return g.mul(c, c);
        });
    }

    @Property(tries = 3)
    void triluGradientMatchesFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 2, 3);
        boolean upper = rnd.nextBoolean();
        long k = rnd.nextInt(3) - 1;
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> g.exp(g.trilu(x.get(0), upper, k)));
    }

    @Property(tries = 3)
    void gatherGradientAccumulatesRepeatedAndNegativeIndices(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 1, 3);
        int axis = rnd.nextInt(shape.length);
        long d = shape[axis];
        long[] idxShape = randomShape(rnd, 1, 2);
        long[] idx = new long[(int) Arrays.stream(idxShape).reduce(1, (p, q) -> p * q)];
        for (int i = 0; i < idx.length; i++) idx[i] = rnd.nextInt((int) d) - (rnd.nextBoolean() ? d : 0);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> {
            Value indices = g.constant(TensorData.ofLongs(idxShape, idx));
            Value y = g.gather(x.get(0), indices, axis);
            return g.mul(y, y);
        });
    }

    @Property(tries = 3)
    void gatherElementsGradientAccumulatesRepeatedIndices(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 1, 3);
        int axis = rnd.nextInt(shape.length);
        long[] idxShape = shape.clone();
        idxShape[axis] = 1 + rnd.nextInt(3);
        long[] idx = new long[(int) Arrays.stream(idxShape).reduce(1, (p, q) -> p * q)];
        for (int i = 0; i < idx.length; i++) idx[i] = rnd.nextInt((int) shape[axis]) - (rnd.nextBoolean() ? shape[axis] : 0);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> {
            Value y = g.gatherElements(x.get(0), g.constant(TensorData.ofLongs(idxShape, idx)), axis);
            return g.mul(y, y);
        });
    }
}

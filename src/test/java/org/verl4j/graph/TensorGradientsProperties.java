package org.verl4j.graph;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.Random;

import static org.verl4j.graph.GradientCheck.Input;
import static org.verl4j.graph.GradientCheck.check;
import static org.verl4j.graph.GradientCheck.randomShape;

/** MatMul, reduction and softmax gradients equal central finite differences (float64, random shapes). */
class TensorGradientsProperties {

    @Property(tries = 3)
    void matMulGradientMatchesFiniteDifferencesWithBatchBroadcasting(@ForAll long seed) {
        Random rnd = new Random(seed);
        long n = 1 + rnd.nextInt(3), k = 1 + rnd.nextInt(3), m = 1 + rnd.nextInt(3), batch = 1 + rnd.nextInt(3);
        long[] a, b;
        switch (rnd.nextInt(3)) {
            case 0 -> { a = new long[]{n, k}; b = new long[]{k, m}; }
            case 1 -> { a = new long[]{batch, n, k}; b = new long[]{k, m}; }          // b broadcast over the batch
            default -> { a = new long[]{2, 1, n, k}; b = new long[]{batch, k, m}; }  // both broadcast
        }
        check(rnd, List.of(Input.random(rnd, a, -1, 1), Input.random(rnd, b, -1, 1)), (g, x) -> g.matMul(x.get(0), x.get(1)));
    }

    @Property(tries = 3)
    void reductionGradientsMatchFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 1, 3);
        long axis = rnd.nextInt(shape.length) - (rnd.nextBoolean() ? shape.length : 0);
        boolean keep = rnd.nextBoolean();
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) -> {
            Value s = g.reduceSum(x.get(0), keep, axis), mu = g.reduceMean(x.get(0), keep, axis);
            return g.add(g.add(s, g.mul(mu, mu)), g.reduceMax(x.get(0), keep, axis));
        });
    }

    @Property(tries = 3)
    void reduceOverSeveralAxesMatchesFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 3, 3);
        check(rnd, List.of(Input.random(rnd, shape, -1, 1)), (g, x) ->
                g.add(g.reduceMean(x.get(0), false, 0, 2), g.reduceMax(x.get(0), false, 2, 0)));
    }

    @Property(tries = 3)
    void softmaxAndLogSoftmaxGradientsMatchFiniteDifferences(@ForAll long seed) {
        Random rnd = new Random(seed);
        long[] shape = randomShape(rnd, 1, 3);
        long axis = rnd.nextInt(shape.length);
        check(rnd, List.of(Input.random(rnd, shape, -2, 2)), (g, x) ->
                g.add(g.softmax(x.get(0), axis), g.mul(g.logSoftmax(x.get(0), axis), g.scalarLike(x.get(0), 0.3))));
    }
}

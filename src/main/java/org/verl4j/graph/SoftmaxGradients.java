package org.verl4j.graph;

/** Gradients of Softmax and LogSoftmax along their one axis. */
final class SoftmaxGradients {

    private SoftmaxGradients() {
    }

    static void register(GradientRules rules) {
        // forward: y = softmax(x) = eˣ / Σ eˣ, so dx = y ⊙ (dy − Σ_axis(dy ⊙ y))
        rules.define(OpType.SOFTMAX, (g, n, dy, need) -> {
            long axis = n.intAttribute("axis", -1);
            Value y = n.output();
            Value dot = g.reduceSum(g.mul(dy, y), true, axis);
            return new Value[]{g.mul(y, g.sub(dy, dot))};
        });
        // forward: y = x − log Σ eˣ, so dx = dy − softmax(x) ⊙ Σ_axis dy, with softmax(x) = e^y
        rules.define(OpType.LOG_SOFTMAX, (g, n, dy, need) -> {
            long axis = n.intAttribute("axis", -1);
            Value sum = g.reduceSum(dy, true, axis);
            return new Value[]{g.sub(dy, g.mul(g.exp(n.output()), sum))};
        });
    }
}

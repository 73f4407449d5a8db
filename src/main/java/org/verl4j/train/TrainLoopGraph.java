package org.verl4j.train;

import org.verl4j.graph.ParameterViews;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.Forward;
import org.verl4j.graph.Autodiff;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * K optimizer steps in one ONNX Runtime call: an ONNX {@code Loop} whose body is the UPDATE step of
 * {@link TrainStepGraph} on one micro-batch. ORT's Java API has no IoBinding, so on CUDA each call copies θ, m, v
 * to the device and back; a Loop of K steps does that once instead of K times. Each iteration computes exactly what
 * one UPDATE call with {@code grad_acc = 0}, {@code micro_batch_weight = 1} computes:
 * <pre>
 * for k = 0 … K−1:   θ, m, v ← AdamW(θ, m, v, clip(∇θ L(batch_k)), t + k + 1)
 * </pre>
 * Inputs: {@code theta}, {@code adam_m}, {@code adam_v}, {@code step} (t, steps taken so far), {@code loop_steps}
 * (K, INT64 scalar), the optimizer and objective hyperparameters as in {@link TrainStepGraph}, and every batch
 * tensor stacked along a leading axis of length K ({@code responses [K, B, T]}, …, and the forward's own inputs).
 * Outputs: {@code theta_out}, {@code adam_m_out}, {@code adam_v_out}, {@code step_out}, and per step
 * ({@code [K]}): {@code loss}, the diagnostics and {@code grad_norm}. A step whose gradient norm is not finite leaves
 * the state unchanged, as in the single-step graph.
 */
public final class TrainLoopGraph {

    public static final String LOOP_STEPS = "loop_steps", STEP_OUT = "step_out";

    private TrainLoopGraph() {
    }

    public static GraphBuilder.Graph build(String name, ElementType type, ParameterLayout layout, Forward forward,
                                           Objective objective) {
        GraphBuilder g = new GraphBuilder(name);
        Shape flat = Shape.of(layout.size());
        Value theta0 = g.input(TrainStepGraph.THETA, type, flat);
        Value m0 = g.input(TrainStepGraph.ADAM_M, type, flat);
        Value v0 = g.input(TrainStepGraph.ADAM_V, type, flat);
        Value t0 = g.input(TrainStepGraph.STEP, type, Shape.SCALAR);
        Value steps = g.input(LOOP_STEPS, ElementType.INT64, Shape.SCALAR);

        GraphBuilder body = g.subgraph(name + "_body");
        Value k = body.formalInput("iteration", ElementType.INT64, Shape.SCALAR);
        Value go = body.formalInput("go", ElementType.BOOL, Shape.SCALAR);
        Value theta = body.formalInput("theta_k", type, flat);
        Value m = body.formalInput("adam_m_k", type, flat);
        Value v = body.formalInput("adam_v_k", type, flat);
        Value t = body.formalInput("step_k", type, Shape.SCALAR);
        body.stackInputs(k);                                      // batch inputs: outer [K, …], sliced at k

        Value out = forward.build(body, new ParameterViews(body, theta, layout));
        List<String> names = new ArrayList<>();
        List<Value> scans = new ArrayList<>();
        Value loss = TrainStepGraph.objectiveLoss(body, type, objective, out,
                input -> TrainStepGraph.scalar(g, input, type), (n, d) -> { names.add(n); scans.add(d.named(n + "_k")); });
        Value gradient = Autodiff.gradients(body, loss, List.of(theta)).get(0);
        Value t1 = body.add(t, body.scalarLike(t, 1));                                       // t + 1
        AdamWGraph.Outputs o = AdamWGraph.build(body, TrainStepGraph.optimizerInputs(g, type, theta, m, v, t1), gradient);
        Value finite = body.not(body.or(body.isNaN(o.gradNorm()), body.isInf(o.gradNorm())));
        Value tNext = body.where(finite, t1, t);                  // a skipped step does not count

        body.output(body.identity(go).named("go_out"));
        body.output(o.theta().named("theta_k_out"));
        body.output(o.m().named("adam_m_k_out"));
        body.output(o.v().named("adam_v_k_out"));
        body.output(tNext.named("step_k_out"));
        body.output(body.identity(loss).named("loss_k"));
        for (Value d : scans) body.output(d);
        body.output(body.identity(o.gradNorm()).named("grad_norm_k"));

        List<Value> results = g.loop(steps, g.constant(org.verl4j.graph.TensorData.ofBooleans(new long[0], true)),
                List.of(theta0, m0, v0, t0), body.build());
        g.output(TrainStepGraph.THETA_OUT, results.get(0));
        g.output(TrainStepGraph.ADAM_M_OUT, results.get(1));
        g.output(TrainStepGraph.ADAM_V_OUT, results.get(2));
        g.output(STEP_OUT, results.get(3));
        g.output(TrainStepGraph.LOSS, results.get(4));
        for (int i = 0; i < names.size(); i++) g.output(names.get(i), results.get(5 + i));
        g.output(TrainStepGraph.GRAD_NORM, results.get(5 + names.size()));
        return g.build();
    }
}

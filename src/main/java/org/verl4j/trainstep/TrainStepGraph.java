package org.verl4j.trainstep;

import org.verl4j.graph.ParameterViews;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.Forward;
import org.verl4j.graph.Autodiff;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One ONNX graph for one micro-batch of training: forward, loss, backward and — in {@link Mode#UPDATE} — global-norm
 * clipping and AdamW. Gradient accumulation over K micro-batches is K − 1 ACCUMULATE runs and one UPDATE run, the
 * accumulator travelling as a flat input/output:
 * <pre>
 * g_acc' = g_acc + w · ∇θ L(micro-batch)        w = micro_batch_weight (e.g. 1/K)
 * UPDATE: θ', m', v' = AdamW(θ, m, v, clip(g_acc'), step)
 * </pre>
 * Inputs (names are the constants below): {@code theta}, {@code grad_acc}, {@code micro_batch_weight}; the
 * objective's batch tensors ({@code responses}, {@code response_mask}, …) and hyperparameters; in UPDATE also
 * {@code adam_m}, {@code adam_v} and AdamW's constants {@code decay}, {@code beta1}, {@code one_minus_beta1},
 * {@code beta2}, {@code one_minus_beta2}, {@code step_size}, {@code bias_correction2_sqrt}, {@code eps},
 * {@code max_grad_norm}. Every scalar input is derived from a {@link StepConfig} by {@link StepInputs}. Outputs: {@code loss}, the objective's diagnostics, and
 * {@code grad_acc_out} (ACCUMULATE) or {@code theta_out}, {@code adam_m_out}, {@code adam_v_out}, {@code grad_norm}
 * (UPDATE). Flat buffers are 1-D of length P; scalars are rank 0; all floating tensors have the graph's type.
 */
public final class TrainStepGraph {

    /** Accumulate gradients only, or accumulate and apply the optimizer step. */
    public enum Mode { ACCUMULATE, UPDATE }

    public static final String THETA = "theta", GRAD_ACC = "grad_acc", WEIGHT = "micro_batch_weight";
    public static final String RESPONSES = Forward.RESPONSES, MASK = "response_mask", OLD_LOG_PROBS = "old_log_probs",
            REF_LOG_PROBS = "ref_log_probs", ADVANTAGES = "advantages", OLD_VALUES = "old_values", RETURNS = "returns";
    public static final String CLIP_LOW = "clip_low", CLIP_HIGH = "clip_high", DUAL_CLIP = "dual_clip",
            ENTROPY_COEFF = "entropy_coeff", KL_COEFF = "kl_coeff", VALUE_CLIP = "value_clip";
    public static final String ADAM_M = "adam_m", ADAM_V = "adam_v", DECAY = "decay", BETA1 = "beta1",
            ONE_MINUS_BETA1 = "one_minus_beta1", BETA2 = "beta2", ONE_MINUS_BETA2 = "one_minus_beta2",
            STEP_SIZE = "step_size", BIAS2_SQRT = "bias_correction2_sqrt", EPS = "eps", MAX_GRAD_NORM = "max_grad_norm";
    public static final String LOSS = "loss", PG_LOSS = "pg_loss", PG_CLIPFRAC = "pg_clipfrac",
            PG_CLIPFRAC_LOWER = "pg_clipfrac_lower", PPO_KL = "ppo_kl", ENTROPY = "entropy", KL = "kl",
            VF_CLIPFRAC = "vf_clipfrac", GRAD_ACC_OUT = "grad_acc_out", THETA_OUT = "theta_out",
            ADAM_M_OUT = "adam_m_out", ADAM_V_OUT = "adam_v_out", GRAD_NORM = "grad_norm";

    /** Inputs that {@link TrainStep} feeds itself (state and every hyperparameter), never a micro-batch. */
    public static final Set<String> STEP_OWNED = Set.of(THETA, GRAD_ACC, WEIGHT, ADAM_M, ADAM_V, CLIP_LOW, CLIP_HIGH,
            DUAL_CLIP, ENTROPY_COEFF, KL_COEFF, VALUE_CLIP, DECAY, BETA1, ONE_MINUS_BETA1, BETA2, ONE_MINUS_BETA2,
            STEP_SIZE, BIAS2_SQRT, EPS, MAX_GRAD_NORM);

    static final Shape TOKENS = Shape.of("batch", "response");

    private TrainStepGraph() {
    }

    /** The train-step graph of {@code forward} under {@code objective}, floating tensors of {@code type}. */
    public static GraphBuilder.Graph build(String name, ElementType type, ParameterLayout layout, Forward forward,
                                           Objective objective, Mode mode) {
        if (!type.isFloating()) throw new IllegalArgumentException("train-step graphs are FLOAT or DOUBLE, not " + type);
        GraphBuilder g = new GraphBuilder(name);
        Shape flat = Shape.of(layout.size());
        Value theta = g.input(THETA, type, flat);
        Value gradAcc = g.input(GRAD_ACC, type, flat);
        Value weight = g.input(WEIGHT, type, Shape.SCALAR);
        ParameterViews views = new ParameterViews(g, theta, layout);
        Forward.Output out = forward.build(g, views);
        Value loss = g.output(LOSS, objectiveLoss(g, type, objective, out, input -> scalar(g, input, type), g::output));

        Value gradient = Autodiff.gradients(g, loss, List.of(theta)).get(0).named("grad_theta");   // ∇θ L, flat
        Value accumulated = g.add(gradAcc, g.mul(weight, gradient)).named("g_acc_new");   // g_acc + w·∇θL
        if (mode == Mode.ACCUMULATE) {
            g.output(GRAD_ACC_OUT, accumulated);
            return g.build();
        }
        AdamWGraph.Outputs o = AdamWGraph.build(g, optimizerInputs(g, type, theta, g.input(ADAM_M, type, flat),
                g.input(ADAM_V, type, flat)), accumulated);
        g.output(THETA_OUT, o.theta());
        g.output(ADAM_M_OUT, o.m());
        g.output(ADAM_V_OUT, o.v());
        g.output(GRAD_NORM, o.gradNorm());
        return g.build();
    }

    /**
     * Declares the objective's batch inputs in {@code g}, builds its loss and hands each diagnostic to
     * {@code diagnostic}; scalar hyperparameters come from {@code hyper} (by input name). Returns the loss.
     */
    static Value objectiveLoss(GraphBuilder g, ElementType type, Objective objective, Forward.Output forward,
                               Function<String, Value> hyper, BiConsumer<String, Value> diagnostic) {
        Value mask = g.input(MASK, ElementType.BOOL, TOKENS);
        Value out = forward.value();
        if (objective instanceof Objective.Critic critic) {
            ValueLossGraph.Terms t = ValueLossGraph.build(g, critic.loss().aggregation(), hyper.apply(VALUE_CLIP), out,
                    g.input(OLD_VALUES, type, TOKENS), g.input(RETURNS, type, TOKENS), mask);
            diagnostic.accept(VF_CLIPFRAC, t.clipFraction());
            return t.loss();
        }
        // a decoder's forward declares the responses itself (it reads [prompt; response]) and hands them over
        Value tokens = forward.responses().orElseGet(() -> g.input(RESPONSES, ElementType.INT64, TOKENS));
        Value logSoftmax = g.logSoftmax(out, -1).named("log_softmax");
        Value logProb = TokenTerms.tokenLogProbs(g, logSoftmax, tokens).named("log_prob");       // log π(y_t)
        if (objective instanceof Objective.Sft sft)
            return TokenTerms.aggregate(g, g.neg(logProb), mask, sft.aggregation()).named("sft_loss");
        Objective.Policy policy = (Objective.Policy) objective;
        boolean dual = policy.loss().policy().dualClip().isPresent();
        ActorLossGraph.Hyper h = new ActorLossGraph.Hyper(hyper.apply(CLIP_LOW), hyper.apply(CLIP_HIGH),
                dual ? hyper.apply(DUAL_CLIP) : null, hyper.apply(ENTROPY_COEFF), hyper.apply(KL_COEFF));
        Value entropy = TokenTerms.entropy(g, logSoftmax).named("token_entropy");
        ActorLossGraph.Terms t = ActorLossGraph.build(g, policy.loss(), h, logProb,
                g.input(OLD_LOG_PROBS, type, TOKENS), g.input(REF_LOG_PROBS, type, TOKENS),
                g.input(ADVANTAGES, type, TOKENS), entropy, mask);
        diagnostic.accept(PG_LOSS, t.pgLoss());
        diagnostic.accept(PG_CLIPFRAC, t.clipFraction());
        diagnostic.accept(PG_CLIPFRAC_LOWER, t.clipFractionLower());
        diagnostic.accept(PPO_KL, t.approxKl());
        diagnostic.accept(ENTROPY, t.entropy());
        diagnostic.accept(KL, t.kl());
        return t.loss();
    }

    /** AdamW inputs: state given, scalar constants declared in {@code g}. */
    static AdamWGraph.Inputs optimizerInputs(GraphBuilder g, ElementType type, Value theta, Value m, Value v) {
        return new AdamWGraph.Inputs(theta, m, v, scalar(g, DECAY, type), scalar(g, BETA1, type),
                scalar(g, ONE_MINUS_BETA1, type), scalar(g, BETA2, type), scalar(g, ONE_MINUS_BETA2, type),
                scalar(g, STEP_SIZE, type), scalar(g, BIAS2_SQRT, type), scalar(g, EPS, type),
                scalar(g, MAX_GRAD_NORM, type));
    }

    static Value scalar(GraphBuilder g, String name, ElementType type) {
        return g.input(name, type, Shape.SCALAR);
    }
}

package org.verl4j.trainstep;

import java.util.function.ToDoubleFunction;

/**
 * The scalar outputs of one micro-batch's loss graph, one record per {@link Objective} — what a graph does not
 * output has no field (an SFT micro-batch has no clip fraction), rather than a missing map entry. Names are
 * {@link TrainStepGraph}'s output constants, as {@link TrainStepGraph#objectiveLoss} emits them:
 * <pre>
 * Policy   loss, pg_loss, pg_clipfrac, pg_clipfrac_lower, ppo_kl, entropy, kl      (ActorLossGraph.Terms)
 * Sft      loss                                                                    (sft_loss)
 * Critic   loss, vf_clipfrac                                                       (ValueLossGraph.Terms)
 * </pre>
 * {@code pg_clipfrac_lower} is 0 without a dual clip (the graph outputs A·0).
 */
public sealed interface LossScalars {

    /** L of the micro-batch (the value whose gradient was accumulated). */
    double loss();

    /**
     * @param loss              L = pg_loss − c_H·entropy + β·kl
     * @param pgLoss            the clipped surrogate, aggregated
     * @param clipFraction      masked mean of [ℓ2 &gt; ℓ1]
     * @param clipFractionLower masked mean of the dual clip's lower bound being active (0 without dual clip)
     * @param ppoKl             masked mean of log π_old − log π (the approximate KL to the sampling policy)
     * @param entropy           aggregated token entropy H
     * @param kl                aggregated k(log π, log π_ref)
     */
    record Policy(double loss, double pgLoss, double clipFraction, double clipFractionLower, double ppoKl,
                  double entropy, double kl) implements LossScalars {
    }

    /** @param loss aggregate(−log π(y_t)) */
    record Sft(double loss) implements LossScalars {
    }

    /**
     * @param loss         ½·aggregate(max((V − R)², (V_clip − R)²))
     * @param clipFraction masked mean of [(V_clip − R)² &gt; (V − R)²]
     */
    record Critic(double loss, double clipFraction) implements LossScalars {
    }

    /** The scalars {@code objective}'s graph outputs, each read by its output name from {@code output}. */
    static LossScalars read(Objective objective, ToDoubleFunction<String> output) {
        double loss = output.applyAsDouble(TrainStepGraph.LOSS);
        if (objective instanceof Objective.Sft) return new Sft(loss);
        if (objective instanceof Objective.Critic) return new Critic(loss, output.applyAsDouble(TrainStepGraph.VF_CLIPFRAC));
        if (!(objective instanceof Objective.Policy))
            throw new IllegalArgumentException("no loss scalars for objective " + objective);
        return new Policy(loss, output.applyAsDouble(TrainStepGraph.PG_LOSS), output.applyAsDouble(TrainStepGraph.PG_CLIPFRAC),
                output.applyAsDouble(TrainStepGraph.PG_CLIPFRAC_LOWER), output.applyAsDouble(TrainStepGraph.PPO_KL),
                output.applyAsDouble(TrainStepGraph.ENTROPY), output.applyAsDouble(TrainStepGraph.KL));
    }
}

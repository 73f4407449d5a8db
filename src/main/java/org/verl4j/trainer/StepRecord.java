package org.verl4j.trainer;

import org.verl4j.shaping.RankIndicators;
import org.verl4j.trainstep.LossScalars;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one training step measured, one record per phase; one line of {@code steps.jsonl} ({@link StepJson} holds
 * the column names, their order and the JSON form — {@code null} for an undefined value). Means are over the step's
 * responses unless a component says otherwise; "correct" / "incorrect" split by the verifier's verdict and are empty
 * when that side of the split is.
 *
 * @param step      training step u, 1-based
 * @param reward    task scores and verdicts
 * @param response  the sampled responses
 * @param actor     the PPO update
 * @param rank      per-response and dataset-level ER/ERV/ERA
 * @param shaping   the aux signal, the controller after the step, the advantages
 * @param time      wall time per phase
 * @param critic    the critic update (ppo-gae only)
 * @param evalPass1 held-out pass@1 of a periodic evaluation after this step (eval.every), empty on other steps
 */
public record StepRecord(int step, Rewards reward, Responses response, Update actor, Rank rank, Shaping shaping,
                         Timings time, Optional<CriticUpdate> critic, OptionalDouble evalPass1) {

    /** This record with the periodic evaluation's pass@1. */
    public StepRecord withEvalPass1(double pass1) {
        return new StepRecord(step, reward, response, actor, rank, shaping, time, critic, OptionalDouble.of(pass1));
    }

    /**
     * @param mean                 mean s_i
     * @param std                  population standard deviation of s_i (divisor n, as verl logs critic/score std)
     * @param accuracy             fraction of responses the verifier accepts
     * @param zeroStdGroupFraction fraction of GRPO groups whose scores are all equal (they carry no advantage)
     */
    public record Rewards(double mean, double std, double accuracy, double zeroStdGroupFraction) {
    }

    /**
     * @param lengthMean   mean response length in tokens (EOS included)
     * @param lengthMax    longest response
     * @param clipRatio    fraction of responses cut at rollout.max_new_tokens
     * @param tokenEntropy mean over responses of the mean token entropy of the sampling policy (nats)
     */
    public record Responses(double lengthMean, int lengthMax, double clipRatio, double tokenEntropy) {
    }

    /**
     * @param mean       each loss scalar's mean over the step's micro-batches
     * @param gradNorm   mean ‖g‖₂ before clipping over the step's optimizer updates
     * @param lr         the learning rate of the step's last optimizer update (the schedule's lr(t))
     * @param logProbGap the first micro-batch's ppo_kl: it runs the θ that sampled, so it measures the rollout-vs-train
     *                   log-prob gap
     */
    public record Update(LossScalars.Policy mean, double gradNorm, double lr, double logProbGap) {
    }

    /**
     * @param correct   mean over the responses the verifier accepts, empty when it accepts none
     * @param incorrect mean over the others, empty when there are none
     */
    public record Split(OptionalDouble correct, OptionalDouble incorrect) {
    }

    /**
     * @param mean         per-response [ERA, ERV, ER] averaged over the responses (unmeasured ERV/ERA count as 0)
     * @param er           ER split by verdict
     * @param erv          ERV split by verdict
     * @param era          ERA split by verdict
     * @param ervMeasured  fraction of responses long enough for ERV (T ≥ 2s+1)
     * @param eraMeasured  fraction long enough for ERA (T ≥ 3s+1)
     * @param datasetGlobalEr ER of the stacked per-response mean hidden states (ALGORITHM.md §4)
     * @param datasetErv   cumulative ERV over the response axis (0 when not measured)
     * @param datasetEra   cumulative ERA over the response axis (0 when not measured)
     */
    public record Rank(RankIndicators mean, Split er, Split erv, Split era, double ervMeasured, double eraMeasured,
                       double datasetGlobalEr, double datasetErv, double datasetEra) {
    }

    /**
     * @param auxMean             mean aux_i (0 unless verl with its gate open)
     * @param auxNonzeroFraction  fraction of responses with aux_i ≠ 0
     * @param shapedTokenFraction fraction of valid tokens whose advantage the shaping slot changed (A ≠ A0)
     * @param lambdaMean          mean λ_i of the controller, empty when VERL did not apply (no terms)
     * @param exploreFraction     fraction of responses with λ_i &gt; 0.5, empty when VERL did not apply
     * @param gateOpen            whether VERL's aux was applied this step
     * @param scoreEma            S̄ after the step
     * @param baselines           the EMA baselines m_k after the step
     * @param advantageAbsMean    mean over responses of mean_t |A[i][t]|
     */
    public record Shaping(double auxMean, double auxNonzeroFraction, double shapedTokenFraction, OptionalDouble lambdaMean,
                          OptionalDouble exploreFraction, boolean gateOpen, double scoreEma, RankIndicators baselines,
                          double advantageAbsMean) {
    }

    /**
     * Seconds of wall time.
     *
     * @param generate     rollouts, less the wait for the engine's metric threads
     * @param metrics      that wait plus the batch-level work (dataset rank, controller, advantages)
     * @param metricsWait  the wait for the engine's ER/ERV/ERA threads
     * @param metricsBatch the batch-level work
     * @param reward       decoding and grading
     * @param update       reference log-probs, critic and actor updates, setPolicy
     * @param step         the whole step
     */
    public record Timings(double generate, double metrics, double metricsWait, double metricsBatch, double reward,
                          double update, double step) {
    }

    /**
     * @param loss     mean value loss over the critic's micro-batches
     * @param gradNorm mean ‖g‖₂ over its optimizer updates
     */
    public record CriticUpdate(double loss, double gradNorm) {
    }
}

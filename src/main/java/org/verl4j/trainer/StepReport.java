package org.verl4j.trainer;

import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.WindowSeries;
import org.verl4j.rollout.FinishReason;
import org.verl4j.rollout.Rollout;
import org.verl4j.shaping.AuxTerms;
import org.verl4j.shaping.ControllerState;

import java.util.ArrayList;
import java.util.List;

import static org.verl4j.trainer.StepMetrics.*;

/** Assembles the {@code steps.jsonl} record of one training step from what its phases produced. */
final class StepReport {

    private StepReport() {
    }

    /**
     * Dataset-level rank (spec §4) of the step's responses: ER of the stacked per-response mean hidden states and
     * the cumulative ERV/ERA over the response axis (observation only).
     */
    static DatasetRank datasetRank(List<Rollout> rollouts, int stride) {
        int d = rollouts.get(0).meanHiddenState().length;
        double[] zg = new double[rollouts.size() * d];
        for (int i = 0; i < rollouts.size(); i++) {
            double[] z = rollouts.get(i).meanHiddenState();                                   // z_i, kept by the engine
            if (z.length != d || d == 0)
                throw new IllegalStateException("response " + i + " carries a mean hidden state of " + z.length
                        + " values (response 0: " + d + "); the trainer's engine keeps Retention.MEAN_ROW");
            System.arraycopy(z, 0, zg, i * d, d);
        }
        return DatasetRank.ofPooled(new HiddenStates(rollouts.size(), d, zg), stride, WindowSeries.DROP);
    }

    static StepMetrics of(List<Rollout> rollouts, Graded graded, int n, AdvantageStage.Outcome adv,
                          PolicyUpdate.Stats update, DatasetRank dataset) {
        int b = rollouts.size();
        double[] length = new double[b], er = new double[b], erv = new double[b], era = new double[b], ervOk = new double[b],
                eraOk = new double[b], entropy = new double[b], absAdv = new double[b];
        double maxLength = 0, clipped = 0;
        for (int i = 0; i < b; i++) {
            Rollout r = rollouts.get(i);
            RankDynamics m = r.metrics();
            length[i] = r.length();
            maxLength = Math.max(maxLength, r.length());
            if (r.finishReason() == FinishReason.LENGTH) clipped++;
            er[i] = m.er();
            erv[i] = m.erv();
            era[i] = m.era();
            ervOk[i] = m.ervMeasured() ? 1 : 0;
            eraOk[i] = m.eraMeasured() ? 1 : 0;
            double h = 0, a = 0;
            for (int t = 0; t < r.length(); t++) {
                h += r.entropies()[t];
                a += Math.abs(adv.advantages()[i][t]);
            }
            entropy[i] = h / r.length();
            absAdv[i] = a / r.length();
        }
        double[] correct = new double[b], lambda = new double[adv.terms().size()], nonZero = new double[b];
        for (int i = 0; i < b; i++) {
            correct[i] = graded.correct()[i] ? 1 : 0;
            nonZero[i] = adv.aux()[i] != 0 ? 1 : 0;
        }
        double explore = 0;
        for (int i = 0; i < lambda.length; i++) {
            AuxTerms t = adv.terms().get(i);
            lambda[i] = t.lambda();
            if (t.lambda() > 0.5) explore++;
        }
        ControllerState c = adv.controller();
        boolean[] ok = graded.correct();
        return new StepMetrics()
                .put(REWARD_MEAN, mean(graded.scores())).put(REWARD_STD, std(graded.scores())).put(ACCURACY, mean(correct))
                .put(ZERO_STD_GROUPS, graded.zeroStdGroupFraction(n))
                .put(LENGTH_MEAN, mean(length)).put(LENGTH_MAX, maxLength).put(CLIP_RATIO, clipped / b)
                .put(ENTROPY, update.entropy()).put(KL, update.kl()).put(LOSS, update.loss()).put(PG_LOSS, update.pgLoss())
                .put(PG_CLIPFRAC, update.clipFraction()).put(PG_CLIPFRAC_LOWER, update.clipFractionLower())
                .put(PPO_KL, update.ppoKl()).put(GRAD_NORM, update.gradNorm()).put(LR, update.lr())
                .put(LOGPROB_GAP, update.logProbGap()).put("rollout/token_entropy", mean(entropy))
                .put(ER_MEAN, mean(er)).put(ERV_MEAN, mean(erv)).put(ERA_MEAN, mean(era))
                .put(ER_CORRECT, meanWhere(er, ok, true)).put(ER_INCORRECT, meanWhere(er, ok, false))
                .put(ERV_CORRECT, meanWhere(erv, ok, true)).put(ERV_INCORRECT, meanWhere(erv, ok, false))
                .put(ERA_CORRECT, meanWhere(era, ok, true)).put(ERA_INCORRECT, meanWhere(era, ok, false))
                .put(ERV_MEASURED, mean(ervOk)).put(ERA_MEASURED, mean(eraOk))
                .put(GLOBAL_ER, dataset.globalEr()).put(DATASET_ERV, dataset.velocity()).put(DATASET_ERA, dataset.acceleration())
                .put(AUX_MEAN, mean(adv.aux())).put(AUX_NONZERO, mean(nonZero)).put(SHAPED_FRACTION, adv.shapedTokens())
                .put(LAMBDA_MEAN, mean(lambda)).put(EXPLORE_FRACTION, lambda.length == 0 ? Double.NaN : explore / lambda.length)
                .put(GATE, adv.gateOpen() ? 1 : 0).put(SCORE_EMA, c.scoreEma())
                .put(BASELINE_ERA, c.baselines().era()).put(BASELINE_ERV, c.baselines().erv()).put(BASELINE_ER, c.baselines().er())
                .put(ADVANTAGE_ABS_MEAN, mean(absAdv));
    }
}

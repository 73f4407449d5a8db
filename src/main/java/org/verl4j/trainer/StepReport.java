package org.verl4j.trainer;

import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.WindowSeries;
import org.verl4j.rollout.FinishReason;
import org.verl4j.rollout.Rollout;
import org.verl4j.shaping.AuxTerms;
import org.verl4j.shaping.ControllerState;
import org.verl4j.shaping.RankIndicators;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The per-phase records of {@link StepRecord} from what the phases produced: plain means over the step's responses
 * (summed in response order), population standard deviations, and means over one side of the verdict split.
 */
final class StepReport {

    private StepReport() {
    }

    /**
     * Dataset-level rank (ALGORITHM.md §4) of the step's responses: ER of the stacked per-response mean hidden states and
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

    /** Scores and verdicts; GRPO groups are consecutive blocks of n. */
    static StepRecord.Rewards rewards(Graded graded, int n) {
        double[] correct = new double[graded.scores().length];
        for (int i = 0; i < correct.length; i++) correct[i] = graded.correct()[i] ? 1 : 0;
        return new StepRecord.Rewards(mean(graded.scores()), std(graded.scores()), mean(correct), graded.zeroStdGroupFraction(n));
    }

    /** Lengths, length-limit cuts and the sampling policy's token entropy. */
    static StepRecord.Responses responses(List<Rollout> rollouts) {
        int b = rollouts.size(), maxLength = 0;
        double[] length = new double[b], entropy = new double[b];
        double clipped = 0;
        for (int i = 0; i < b; i++) {
            Rollout r = rollouts.get(i);
            length[i] = r.length();
            maxLength = Math.max(maxLength, r.length());
            if (r.finishReason() == FinishReason.LENGTH) clipped++;
            double h = 0;
            for (int t = 0; t < r.length(); t++) h += r.entropies()[t];
            entropy[i] = h / r.length();                                                     // mean_t H_t
        }
        return new StepRecord.Responses(mean(length), maxLength, clipped / b, mean(entropy));
    }

    /** Per-response ER/ERV/ERA (overall and split by verdict), how many were measured, and the dataset-level rank. */
    static StepRecord.Rank rank(List<Rollout> rollouts, boolean[] correct, DatasetRank dataset) {
        int b = rollouts.size();
        double[] er = new double[b], erv = new double[b], era = new double[b], ervOk = new double[b], eraOk = new double[b];
        for (int i = 0; i < b; i++) {
            RankDynamics m = rollouts.get(i).metrics();
            er[i] = m.er();
            erv[i] = m.erv();
            era[i] = m.era();
            ervOk[i] = m.ervMeasured() ? 1 : 0;
            eraOk[i] = m.eraMeasured() ? 1 : 0;
        }
        return new StepRecord.Rank(new RankIndicators(mean(era), mean(erv), mean(er)), split(er, correct),
                split(erv, correct), split(era, correct), mean(ervOk), mean(eraOk),
                dataset.globalEr(), dataset.velocity(), dataset.acceleration());
    }

    /** The aux signal, λ, the controller after the step, and |A|. */
    static StepRecord.Shaping shaping(List<Rollout> rollouts, AdvantageStage.Outcome adv) {
        int b = rollouts.size();
        double[] nonZero = new double[b], absAdv = new double[b], lambda = new double[adv.terms().size()];
        for (int i = 0; i < b; i++) {
            nonZero[i] = adv.aux()[i] != 0 ? 1 : 0;
            double a = 0;
            for (int t = 0; t < rollouts.get(i).length(); t++) a += Math.abs(adv.advantages()[i][t]);
            absAdv[i] = a / rollouts.get(i).length();                                        // mean_t |A[i][t]|
        }
        double explore = 0;
        for (int i = 0; i < lambda.length; i++) {
            AuxTerms t = adv.terms().get(i);
            lambda[i] = t.lambda();
            if (t.lambda() > 0.5) explore++;
        }
        ControllerState c = adv.controller();
        return new StepRecord.Shaping(mean(adv.aux()), mean(nonZero), adv.shapedTokens(),
                lambda.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean(lambda)),
                lambda.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(explore / lambda.length),
                adv.gateOpen(), c.scoreEma(), c.baselines(), mean(absAdv));
    }

    /** Plain mean of at least one value. */
    static double mean(double[] x) {
        if (x.length == 0) throw new IllegalArgumentException("a mean of no values");
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Population standard deviation (divisor n), as verl logs critic/score std. */
    static double std(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / x.length);
    }

    /** Means of x over the correct and over the incorrect responses, each empty when that side has none. */
    static StepRecord.Split split(double[] x, boolean[] correct) {
        return new StepRecord.Split(meanWhere(x, correct, true), meanWhere(x, correct, false));
    }

    private static OptionalDouble meanWhere(double[] x, boolean[] select, boolean want) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++)
            if (select[i] == want) {
                s += x[i];
                n++;
            }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(s / n);
    }
}

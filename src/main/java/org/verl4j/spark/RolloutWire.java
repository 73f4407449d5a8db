package org.verl4j.spark;

import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.WindowPoint;
import org.verl4j.rollout.FinishReason;
import org.verl4j.rollout.Rollout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A {@link Rollout} as it travels from an executor to the driver: every field, bit for bit ({@link WindowPoint}'s
 * {@code OptionalDouble} is not serializable, so a window's velocity and acceleration travel as a value and a
 * presence bit). {@link #rollout()} rebuilds the record the engine made.
 */
record RolloutWire(String promptId, int sample, int[] tokenIds, float[] logProbs, float[] samplingLogProbs, float[] entropies,
                   FinishReason finishReason, Metrics metrics, float[][] hiddenStates,
                   double[] meanHiddenState) implements Serializable {

    /** {@link RankDynamics}, its window series as parallel arrays. */
    record Metrics(int tokens, double er, double logEr, int traditionalRank, double erv, double era, boolean ervMeasured,
                   boolean eraMeasured, int[] windowEnd, double[] windowEr, double[] velocity, boolean[] hasVelocity,
                   double[] acceleration, boolean[] hasAcceleration, int exactFallbacks) implements Serializable {

        static Metrics of(RankDynamics r) {
            int w = r.windows().size();
            int[] end = new int[w];
            double[] er = new double[w], v = new double[w], a = new double[w];
            boolean[] hasV = new boolean[w], hasA = new boolean[w];
            for (int j = 0; j < w; j++) {
                WindowPoint p = r.windows().get(j);
                end[j] = p.end();
                er[j] = p.er();
                hasV[j] = p.velocity().isPresent();
                v[j] = p.velocity().orElse(0);
                hasA[j] = p.acceleration().isPresent();
                a[j] = p.acceleration().orElse(0);
            }
            return new Metrics(r.tokens(), r.er(), r.logEr(), r.traditionalRank(), r.erv(), r.era(), r.ervMeasured(), r.eraMeasured(),
                    end, er, v, hasV, a, hasA, r.exactFallbacks());
        }

        RankDynamics rankDynamics() {
            List<WindowPoint> windows = new ArrayList<>(windowEnd.length);
            for (int j = 0; j < windowEnd.length; j++)
                windows.add(new WindowPoint(windowEnd[j], windowEr[j], hasVelocity[j] ? OptionalDouble.of(velocity[j]) : OptionalDouble.empty(),
                        hasAcceleration[j] ? OptionalDouble.of(acceleration[j]) : OptionalDouble.empty()));
            return new RankDynamics(tokens, er, logEr, traditionalRank, erv, era, ervMeasured, eraMeasured, windows, exactFallbacks);
        }
    }

    static RolloutWire of(Rollout r) {
        return new RolloutWire(r.promptId(), r.sample(), r.tokenIds(), r.logProbs(), r.samplingLogProbs(), r.entropies(),
                r.finishReason(), Metrics.of(r.metrics()), r.hiddenStates(), r.meanHiddenState());
    }

    Rollout rollout() {
        return new Rollout(promptId, sample, tokenIds, logProbs, samplingLogProbs, entropies, finishReason, metrics.rankDynamics(), hiddenStates,
                meanHiddenState);
    }
}

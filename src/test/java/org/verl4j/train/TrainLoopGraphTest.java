package org.verl4j.train;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** K optimizer steps in one Loop call equal K single-micro-batch {@link TrainStep} steps (float64, to 1e-15). */
class TrainLoopGraphTest {

    @Test
    void loopOfKStepsEqualsKSingleSteps() {
        Random rnd = new Random();
        int steps = 3, b = 2, t = 3;
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        AdamWConfig opt = new AdamWConfig(1e-2, 0.9, 0.99, 1e-8, 0.05, 0.5);
        List<Map<String, HostTensor>> batches = new ArrayList<>();
        for (int k = 0; k < steps; k++) batches.add(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, b, t));

        double[] lossSingle = new double[steps], normSingle = new double[steps];
        double[] thetaSingle, mSingle, vSingle;
        try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                TrainStepTest.POLICY, opt, TrainStepTest.HYPER, theta0, OrtRunner.Options.cpu(1))) {
            for (int k = 0; k < steps; k++) {
                TrainStep.Result r = step.step(List.of(batches.get(k)));
                lossSingle[k] = r.microBatches().get(0).get(TrainStepGraph.LOSS);
                normSingle[k] = r.gradNorm();
            }
            thetaSingle = step.theta();
            mSingle = step.firstMoment();
            vSingle = step.secondMoment();
        }

        var graph = TrainLoopGraph.build("loop", ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                TrainStepTest.POLICY);
        Map<String, HostTensor> feed = new HashMap<>();
        for (String name : batches.get(0).keySet()) feed.put(name, stack(batches, name));
        long[] p = {theta0.length};
        feed.put(TrainStepGraph.THETA, HostTensor.ofDoubles(p, theta0.clone()));
        feed.put(TrainStepGraph.ADAM_M, HostTensor.ofDoubles(p, new double[theta0.length]));
        feed.put(TrainStepGraph.ADAM_V, HostTensor.ofDoubles(p, new double[theta0.length]));
        feed.put(TrainStepGraph.STEP, HostTensor.scalar(ElementType.DOUBLE, 0));
        feed.put(TrainLoopGraph.LOOP_STEPS, HostTensor.ofLongs(new long[0], steps));
        TrainStepTest.HYPER.forEach((k, v) -> feed.put(k, HostTensor.scalar(ElementType.DOUBLE, v)));
        feed.put(TrainStepGraph.LR, HostTensor.scalar(ElementType.DOUBLE, opt.lr()));
        feed.put(TrainStepGraph.BETA1, HostTensor.scalar(ElementType.DOUBLE, opt.beta1()));
        feed.put(TrainStepGraph.BETA2, HostTensor.scalar(ElementType.DOUBLE, opt.beta2()));
        feed.put(TrainStepGraph.EPS, HostTensor.scalar(ElementType.DOUBLE, opt.eps()));
        feed.put(TrainStepGraph.WEIGHT_DECAY, HostTensor.scalar(ElementType.DOUBLE, opt.weightDecay()));
        feed.put(TrainStepGraph.MAX_GRAD_NORM, HostTensor.scalar(ElementType.DOUBLE, opt.maxGradNorm()));
        try (OrtRunner r = new OrtRunner(graph, OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> out = r.run(feed);
            TrainStepTest.assertClose(out.get(TrainStepGraph.THETA_OUT).doubles(), thetaSingle, "θ", 1e-15);
            TrainStepTest.assertClose(out.get(TrainStepGraph.ADAM_M_OUT).doubles(), mSingle, "m", 1e-15);
            TrainStepTest.assertClose(out.get(TrainStepGraph.ADAM_V_OUT).doubles(), vSingle, "v", 1e-15);
            TrainStepTest.assertClose(out.get(TrainStepGraph.LOSS).doubles(), lossSingle, "per-step loss", 1e-15);
            TrainStepTest.assertClose(out.get(TrainStepGraph.GRAD_NORM).doubles(), normSingle, "per-step grad norm", 1e-15);
            assertThat(out.get(TrainLoopGraph.STEP_OUT).scalar()).isEqualTo(steps);
            assertThat(out.get(TrainStepGraph.PG_CLIPFRAC).shape()).containsExactly(steps);
        }
    }

    static HostTensor stack(List<Map<String, HostTensor>> batches, String name) {
        HostTensor first = batches.get(0).get(name);
        long[] shape = new long[first.shape().length + 1];
        shape[0] = batches.size();
        System.arraycopy(first.shape(), 0, shape, 1, first.shape().length);
        int n = (int) java.util.Arrays.stream(first.shape()).reduce(1, (x, y) -> x * y);
        return switch (first.type()) {
            case DOUBLE -> {
                double[] all = new double[n * batches.size()];
                for (int k = 0; k < batches.size(); k++) System.arraycopy(batches.get(k).get(name).doubles(), 0, all, k * n, n);
                yield HostTensor.ofDoubles(shape, all);
            }
            case INT64 -> {
                long[] all = new long[n * batches.size()];
                for (int k = 0; k < batches.size(); k++) System.arraycopy(batches.get(k).get(name).longs(), 0, all, k * n, n);
                yield HostTensor.ofLongs(shape, all);
            }
            case BOOL -> {
                boolean[] all = new boolean[n * batches.size()];
                for (int k = 0; k < batches.size(); k++) System.arraycopy(batches.get(k).get(name).booleans(), 0, all, k * n, n);
                yield HostTensor.ofBooleans(shape, all);
            }
            case FLOAT -> throw new IllegalArgumentException("float64 test");
        };
    }
}

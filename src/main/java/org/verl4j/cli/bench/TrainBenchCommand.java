package org.verl4j.cli.bench;

import org.verl4j.bench.PeakMemory;
import org.verl4j.bench.Timing;
import org.verl4j.bench.BenchModel;
import org.verl4j.bench.SyntheticPpoBatch;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.ModelConfig;
import org.verl4j.trainstep.StepConfig;
import org.verl4j.trainstep.TrainStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code verl4j bench train}: one PPO optimizer step with {@link StepConfig#DEFAULTS} (forward, token log-probs, clipped loss with entropy and KL
 * terms, backward, global-norm clip, AdamW) on one float32 micro-batch of B × (P + R) tokens
 * ({@link SyntheticPpoBatch}), against the PyTorch anchor of docs/PERFORMANCE.md ({@link org.verl4j.bench.Anchor}). The FLOP count is
 * <pre>
 *   F = 6·N·B·S  +  12·L·B·S²·H·D        S = P + R
 * </pre>
 * (dense layers: forward 2N, backward 4N per token; attention scores and context, forward 4·S²·H·D per layer and
 * row, backward twice that, the causal half counted too since the graph computes it).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Times the PPO train step of a decoder (session creation, median step, GFLOP/s, peak memory).")
public final class TrainBenchCommand implements Runnable {

    @Option(names = "--model", defaultValue = "tiny", description = "tiny, 25m or a model directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batch", defaultValue = "32", description = "Rows B (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--prompt", defaultValue = "64", description = "Prompt tokens P per row (default: ${DEFAULT-VALUE}).")
    int prompt;

    @Option(names = "--response", defaultValue = "64", description = "Response tokens R per row (default: ${DEFAULT-VALUE}).")
    int response;

    @Option(names = "--steps", defaultValue = "5", description = "Timed optimizer steps after one warm-up step; the median is reported (default: ${DEFAULT-VALUE}).")
    int steps;

    @Mixin
    DeviceOptions device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (batch < 1 || prompt < 1 || response < 1) throw new IllegalArgumentException("--batch, --prompt and --response must be ≥ 1");
        if (steps < 1) throw new IllegalArgumentException("--steps must be ≥ 1, got " + steps);
        PrintWriter out = spec.commandLine().getOut();
        BenchModel m = BenchModel.resolve(model);
        ModelConfig c = m.weights().config();
        long n = m.parameters();
        int s = prompt + response;
        double flops = 6.0 * n * batch * s + 12.0 * c.numLayers() * batch * (double) s * s * c.numHeads() * c.headDim();
        out.printf("verl4j bench train: %s, N = %,d parameters, B %d × (P %d + R %d), float32, device %s, %d intra-op threads%n",
                m.label(), n, batch, prompt, response, device.device(), device.threads());
        out.flush();

        float[] flat = m.weights().flatten();
        double[] theta = new double[flat.length];
        for (int i = 0; i < theta.length; i++) theta[i] = flat[i];
        Map<String, HostTensor> feed = SyntheticPpoBatch.feed(batch, prompt, response, c.vocabSize(), 7);
        DecoderForward forward = new DecoderForward(c);

        TrainStep[] holder = new TrainStep[1];
        Timing creation = Timing.median(() -> holder[0] = new TrainStep(ElementType.FLOAT, forward.layout(), forward,
                StepConfig.DEFAULTS, theta, device.runnerOptions()), 1);
        try (TrainStep step = holder[0]) {
            double[] last = new double[2];
            Runnable one = () -> {
                TrainStep.Result r = step.step(List.of(feed));
                last[0] = r.microBatches().get(0).loss();
                last[1] = r.gradNorm();
            };
            Timing warm = Timing.median(one, 1);
            Timing t = Timing.median(one, steps);
            out.println();
            out.println("| model | N | B × S | session creation | first step | median step (wall) | median step (CPU) | GFLOP/s (wall) | anchor (PyTorch) | anchor / verl4j |");
            out.println("|---|---|---|---|---|---|---|---|---|---|");
            out.printf("| %s | %.1f M | %d × %d | %.2f s | %.2f s | %.2f s | %.2f s | %.1f | %s | %s |%n", model, n / 1e6,
                    batch, s, creation.wallSeconds(), warm.wallSeconds(), t.wallSeconds(), t.cpuSeconds(),
                    flops / t.wallSeconds() / 1e9, anchor(m, s), ratio(m, s, t.wallSeconds()));
            out.printf("%nF = %.1f GFLOP per step; median of %d steps after one warm-up; last loss %.4f, grad norm %.3g;"
                    + " peak resident memory %s%n", flops / 1e9, steps, last[0], last[1], PeakMemory.summary());
            out.println("CPU = process CPU time (all threads); on a shared machine the wall time also carries other"
                    + " processes' load. The anchor is for B 32 × S 128 only.");
            out.flush();
        }
    }

    private boolean anchored(BenchModel m, int s) {
        return m.anchors().isPresent() && batch == 32 && s == 128;
    }

    private String anchor(BenchModel m, int s) {
        return anchored(m, s) ? String.format("%.2f s", m.anchors().orElseThrow().trainS()) : "—";
    }

    private String ratio(BenchModel m, int s, double seconds) {
        return anchored(m, s) ? String.format("%.2f×", m.anchors().orElseThrow().trainS() / seconds) : "—";
    }
}

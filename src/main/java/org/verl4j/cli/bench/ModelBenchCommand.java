package org.verl4j.cli.bench;

import org.verl4j.bench.PeakMemory;
import org.verl4j.bench.Timing;
import org.verl4j.bench.Sampling;
import org.verl4j.bench.BenchModel;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.GenerationSession;
import org.verl4j.model.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code verl4j bench model}: inference speed of a decoder's exported graphs — greedy sampling with the KV cache
 * (prefill of B × P prompt tokens, then R decode steps) at each batch size, and the no-gradient log-prob forward
 * at B 32 × S 128 — against the PyTorch sampling anchors of docs/PERFORMANCE.md ({@link org.verl4j.bench.Anchor}) (new tokens per second, prefill
 * included, batch 1 and 512, prompt 8 + 64 new tokens: the anchors' shape, the default). Forward FLOPs are counted as {@code 2·N·B·S + 4·L·B·S²·H·D}.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Times generation (prefill/decode tokens per second) and the log-prob forward of a decoder.")
public final class ModelBenchCommand implements Runnable {

    @Option(names = "--model", defaultValue = "tiny", description = "tiny, 25m or a model directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batches", defaultValue = "1,512", split = ",", description = "Sampling batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--prompt", defaultValue = "8", description = "Prompt tokens per row (default: ${DEFAULT-VALUE}).")
    int prompt;

    @Option(names = "--new-tokens", defaultValue = "64", description = "Decoded tokens per row (default: ${DEFAULT-VALUE}).")
    int newTokens;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per case; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    DeviceOptions device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (prompt < 1 || newTokens < 1 || repeats < 1) throw new IllegalArgumentException("--prompt, --new-tokens and --repeats must be ≥ 1");
        for (int b : batches) if (b < 1) throw new IllegalArgumentException("--batches must be ≥ 1, got " + b);
        PrintWriter out = spec.commandLine().getOut();
        BenchModel m = BenchModel.resolve(model);
        ModelConfig c = m.weights().config();
        OrtRunner.Options options = device.runnerOptions();
        out.printf("verl4j bench model: %s, N = %,d parameters, float32, device %s, %d intra-op threads%n",
                m.label(), m.parameters(), device.device(), device.threads());
        out.flush();
        byte[] generation = OnnxWriter.write(GenerationGraph.generation(m.weights(), ElementType.FLOAT, Set.of()));
        byte[] logProbs = OnnxWriter.write(GenerationGraph.logProbs(m.weights(), ElementType.FLOAT));

        GenerationSession[] holder = new GenerationSession[1];
        Timing creation = Timing.median(() -> holder[0] = new GenerationSession(generation, c, options), 1);
        out.printf("%ngeneration session creation %.2f s; greedy sampling, P %d prompt + %d new tokens, medians of %d%n%n",
                creation.wallSeconds(), prompt, newTokens, repeats);
        out.println("| batch | prefill tok/s | decode tok/s | new tok/s (wall, prefill incl.) | CPU s per run | anchor (PyTorch) | verl4j / anchor |");
        out.println("|---|---|---|---|---|---|---|");
        try (GenerationSession session = holder[0]) {
            for (int b : batches) {
                Sampling.Result r = Sampling.time(session, c.vocabSize(), b, prompt, newTokens, repeats);
                double newPerS = (double) b * newTokens / (r.prefill().wallSeconds() + r.decode().wallSeconds());
                Optional<Double> anchor = m.anchors().filter(a -> prompt == 8 && newTokens == 64 && (b == 1 || b == 512))
                        .map(a -> b == 1 ? a.sampleB1() : a.sampleBig());
                out.printf("| %d | %.0f | %.0f | %.0f | %.2f | %s | %s |%n", b, (double) b * prompt / r.prefill().wallSeconds(),
                        (double) b * newTokens / r.decode().wallSeconds(), newPerS,
                        r.prefill().cpuSeconds() + r.decode().cpuSeconds(),
                        anchor.map(a -> String.format("%.0f tok/s", a)).orElse("—"),
                        anchor.map(a -> String.format("%.2f×", newPerS / a)).orElse("—"));
                out.flush();
            }
        }
        logProbForward(out, m, logProbs, options);
        out.printf("%npeak resident memory %s. CPU = process CPU time (all threads); on a shared machine the wall"
                + " time also carries other processes' load.%n", PeakMemory.summary());
        out.flush();
    }

    private void logProbForward(PrintWriter out, BenchModel m, byte[] graph, OrtRunner.Options options) {
        ModelConfig c = m.weights().config();
        int b = 32, s = 128;
        Map<String, HostTensor> forwardFeed = Map.of(GenerationGraph.IDS, Sampling.ids(new Random(12), b, s, c.vocabSize()),
                GenerationGraph.POSITIONS, Sampling.positions(b, s), GenerationGraph.MASK, Sampling.ones(b, s));
        OrtRunner[] holder = new OrtRunner[1];
        Timing creation = Timing.median(() -> holder[0] = new OrtRunner(graph, options), 1);
        try (OrtRunner run = holder[0]) {
            run.run(forwardFeed);                                                          // warm-up
            Timing t = Timing.median(() -> run.run(forwardFeed), repeats);
            double flops = 2.0 * m.parameters() * b * s + 4.0 * c.numLayers() * b * (double) s * s * c.numHeads() * c.headDim();
            out.printf("%nlog-prob forward (log π and entropy per token), B %d × S %d: session creation %.2f s, median"
                    + " %.3f s wall, %.3f s CPU, %.1f GFLOP/s%n", b, s, creation.wallSeconds(), t.wallSeconds(),
                    t.cpuSeconds(), flops / t.wallSeconds() / 1e9);
        }
    }
}

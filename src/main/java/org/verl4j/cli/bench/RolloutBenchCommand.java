package org.verl4j.cli.bench;

import org.verl4j.bench.PeakMemory;
import org.verl4j.bench.Sampling;
import org.verl4j.bench.BenchTokenizer;
import org.verl4j.bench.BenchModel;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.GenerationSession;
import org.verl4j.model.ModelConfig;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.RolloutTimings;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code verl4j bench rollout}: the rollout engine against today's bare greedy loop ({@link GenerationSession},
 * argmax only) at B prompts × n samples:
 * <ul>
 *   <li>full rollouts — top-p 0.95 over the whole vocabulary, per-token log-probs and entropy, hidden-state capture,
 *   ER/ERV/ERA streamed on metric threads — with the time split ONNX Runtime / Java / waiting for metrics;</li>
 *   <li>what compaction saves when responses end at different lengths (the model's own EOS);</li>
 *   <li>the gap between rollout log-probs and the log-prob graph's on the same tokens (worst and mean).</li>
 * </ul>
 * Fixed-length cases use a tokenizer whose EOS is outside the vocabulary, so every response runs max-new-tokens.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Rollout engine throughput vs greedy, compaction savings, log-prob consistency.")
public final class RolloutBenchCommand implements Runnable {

    @Option(names = "--model", defaultValue = "tiny", description = "tiny, 25m or a model directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--prompts", defaultValue = "64", description = "Prompts B (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--n", defaultValue = "8", description = "Samples per prompt (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--prompt", defaultValue = "8", description = "Prompt tokens (default: ${DEFAULT-VALUE}).")
    int prompt;

    @Option(names = "--new-tokens", defaultValue = "64", description = "New tokens per response (default: ${DEFAULT-VALUE}).")
    int newTokens;

    @Option(names = "--metric-threads", defaultValue = "1", description = "Metric threads (default: ${DEFAULT-VALUE}).")
    int metricThreads;

    @Mixin
    DeviceOptions device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (prompts < 1 || n < 1 || prompt < 1 || newTokens < 1) throw new IllegalArgumentException("sizes must be ≥ 1");
        PrintWriter out = spec.commandLine().getOut();
        BenchModel m = BenchModel.resolve(model);
        ModelConfig c = m.weights().config();
        OrtRunner.Options ort = device.runnerOptions();
        int rows = prompts * n;
        out.printf("verl4j bench rollout: %s, N = %,d, %d prompts × n %d = %d rows, prompt %d + %d new tokens, device %s, %d threads%n%n",
                m.label(), m.parameters(), prompts, n, rows, prompt, newTokens, device.device(), device.threads());
        out.flush();
        double greedyWall;
        try (GenerationSession s = new GenerationSession(OnnxWriter.write(GenerationGraph.generation(m.weights(), ElementType.FLOAT, Set.of())), c, ort)) {
            Sampling.Result r = Sampling.time(s, c.vocabSize(), rows, prompt, newTokens, 1);
            greedyWall = r.prefill().wallSeconds() + r.decode().wallSeconds();
        }
        List<Prompt> ps = prompts(c.vocabSize());
        out.println("| case | wall s | new tok/s | ORT s | Java s | metric wait s | vs bare greedy |");
        out.println("|---|---|---|---|---|---|---|");
        out.printf("| bare greedy loop (GenerationSession, argmax) | %.2f | %.0f | — | — | — | 1.00 |%n", greedyWall, rows * (double) newTokens / greedyWall);
        EngineOptions base = EngineOptions.cpu(device.threads()).withOrt(ort).withMetricThreads(metricThreads);
        BenchTokenizer noEos = new BenchTokenizer(c.vocabSize());
        SamplingConfig fixed = new SamplingConfig(n, 0, 1, 0, 0, newTokens, 1);
        List<Rollout> full;
        try (RolloutEngine e = new RolloutEngine(m.weights(), noEos, base)) {
            e.generate(ps.subList(0, Math.min(8, ps.size())), fixed);                       // warm-up: JIT, ORT shapes, rank code
            row(out, "engine greedy (+ log-probs, entropy, metrics)", e.generate(ps, fixed), e.timings(), greedyWall);
            full = e.generate(ps, fixed.withTemperature(1).withTopP(0.95));
            row(out, "engine full: top-p 0.95, hidden capture, metrics", full, e.timings(), greedyWall);
        }
        try (RolloutEngine e = new RolloutEngine(m.weights(), noEos, base.withRetention(EngineOptions.Retention.KEEP))) {
            row(out, "engine full, hidden states kept in results", e.generate(ps, fixed.withTemperature(1).withTopP(0.95)), e.timings(), greedyWall);
        }
        out.flush();
        compaction(out, m, ps, base);
        logProbGap(out, m, ps, full);
        out.printf("%npeak resident memory %s; the machine is shared, so wall times carry other processes' load.%n", PeakMemory.summary());
        out.flush();
    }

    private void row(PrintWriter out, String name, List<Rollout> rs, RolloutTimings t, double greedyWall) {
        out.printf("| %s | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f |%n", name, t.totalSeconds(), t.tokens() / t.totalSeconds(),
                t.ortSeconds(), t.javaSeconds(), t.metricWaitSeconds(), greedyWall / t.totalSeconds() * (rs.size() * (double) newTokens) / t.tokens());
        out.flush();
    }

    /** Responses ending at the model's own EOS (different lengths): compaction on and off. */
    private void compaction(PrintWriter out, BenchModel m, List<Prompt> ps, EngineOptions base) {
        BenchTokenizer eos = new BenchTokenizer(1);
        SamplingConfig s = new SamplingConfig(n, 1.0, 1, 0, 0, newTokens, 2);
        out.printf("%n| mixed lengths (EOS id 1, T 1) | wall s | row·steps run | tokens kept |%n|---|---|---|---|%n");
        for (EngineOptions.Compaction mode : EngineOptions.Compaction.values()) {
            try (RolloutEngine e = new RolloutEngine(m.weights(), eos, base.withCompaction(mode))) {
                e.generate(ps, s);
                RolloutTimings t = e.timings();
                out.printf("| %s | %.2f | %,d | %,d |%n", mode, t.totalSeconds(), t.rowSteps(), t.tokens());
                out.flush();
            }
        }
    }

    /** |rollout log π − log-prob graph| over the first responses of {@code full}. */
    private void logProbGap(PrintWriter out, BenchModel m, List<Prompt> ps, List<Rollout> full) {
        double worst = 0, sum = 0;
        long count = 0;
        try (OrtRunner g = new OrtRunner(GenerationGraph.logProbs(m.weights(), ElementType.FLOAT), device.runnerOptions())) {
            for (Rollout r : full.subList(0, Math.min(32, full.size()))) {
                int[] p = ps.get(Integer.parseInt(r.promptId())).tokenIds();
                int len = p.length + r.length();
                long[] ids = new long[len], pos = new long[len], mask = new long[len];
                for (int t = 0; t < len; t++) {
                    ids[t] = t < p.length ? p[t] : r.tokenIds()[t - p.length];
                    pos[t] = t;
                    mask[t] = 1;
                }
                long[] shape = {1, len};
                Map<String, HostTensor> o = g.run(Map.of(GenerationGraph.IDS, HostTensor.ofLongs(shape, ids),
                        GenerationGraph.POSITIONS, HostTensor.ofLongs(shape, pos), GenerationGraph.MASK, HostTensor.ofLongs(shape, mask)));
                double[] logp = o.get(GenerationGraph.LOGP).doubles();
                for (int t = 0; t < r.length(); t++) {
                    double gap = Math.abs(r.logProbs()[t] - logp[p.length - 1 + t]);
                    worst = Math.max(worst, gap);
                    sum += gap;
                    count++;
                }
            }
        }
        out.printf("%nlog-prob consistency (rollout vs log-prob graph, %d tokens): worst %.2e, mean %.2e%n", count, worst, sum / count);
    }

    private List<Prompt> prompts(int vocab) {
        Random random = new Random(5);
        List<Prompt> ps = new ArrayList<>();
        for (int b = 0; b < prompts; b++) {
            int[] ids = new int[prompt];
            for (int t = 0; t < prompt; t++) ids[t] = random.nextInt(vocab);
            ps.add(new Prompt(String.valueOf(b), ids));
        }
        return ps;
    }
}

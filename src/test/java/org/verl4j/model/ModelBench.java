package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A benchmark, not a test: graph build, session creation, prefill, decode step and log-prob forward times of a
 * model directory's inference graphs on the CPU.
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.verl4j.model.ModelBench ../shared/models/arith-seq-llama-random [THREADS]
 * </pre>
 */
public final class ModelBench {

    private ModelBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/models/arith-seq-llama-random");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        DecoderWeights w = DecoderWeights.load(dir);
        ModelConfig c = w.config();
        OrtRunner.Options options = OrtRunner.Options.cpu(threads);
        System.out.printf("model %s: %d parameters, %d threads%n", dir.getFileName(), WeightLayout.parameterCount(c), threads);

        long t0 = System.nanoTime();
        byte[] generation = OnnxWriter.write(GenerationGraph.generation(w, ElementType.FLOAT, Set.of()));
        byte[] logProbs = OnnxWriter.write(GenerationGraph.logProbs(w, ElementType.FLOAT));
        report("build + serialize both graphs", t0, 1);

        t0 = System.nanoTime();
        try (GenerationSession session = new GenerationSession(generation, c, options)) {
            report("generation session creation", t0, 1);
            Random random = new Random(1);
            int batch = 8, prompt = 64, steps = 64;
            int[][] ids = RandomDecoders.tokens(random, batch, prompt, c.vocabSize());
            int[][] mask = RandomDecoders.leftPadded(prompt, new int[batch]);
            session.prefill(ids, mask);                                             // warm-up
            t0 = System.nanoTime();
            GenerationSession.Step step = session.prefill(ids, mask);
            report("prefill B=8 S=64", t0, 1);
            t0 = System.nanoTime();
            int[] next = new int[batch];
            for (int k = 0; k < steps; k++) {
                for (int b = 0; b < batch; b++) next[b] = argmax(step.logits()[b]);
                step = session.decode(next);
            }
            report("decode step B=8 (mean of 64, cache 64→128)", t0, steps);
        }

        t0 = System.nanoTime();
        try (OrtRunner run = new OrtRunner(logProbs, options)) {
            report("log-prob session creation", t0, 1);
            int batch = 32, length = 128;
            int[][] ids = RandomDecoders.tokens(new Random(2), batch, length, c.vocabSize());
            int[][] mask = RandomDecoders.leftPadded(length, new int[batch]);
            Map<String, HostTensor> feed = new HashMap<>();
            feed.put(GenerationGraph.IDS, GraphRuns.longs(ids));
            feed.put(GenerationGraph.POSITIONS, GraphRuns.longs(ReferenceDecoder.positionsFromMask(mask)));
            feed.put(GenerationGraph.MASK, GraphRuns.longs(mask));
            run.run(feed);
            int reps = 5;
            t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) run.run(feed);
            double seconds = (System.nanoTime() - t0) / 1e9 / reps;
            double flops = 2.0 * WeightLayout.parameterCount(c) * batch * length;   // 2·N per token (matmuls only)
            System.out.printf("%-45s %10.2f ms  (~%.2f GFLOP/s on 2·N·tokens)%n", "log-prob forward B=32 S=128",
                    seconds * 1e3, flops / seconds / 1e9);
        }
    }

    private static void report(String what, long t0, int count) {
        System.out.printf("%-45s %10.2f ms%n", what, (System.nanoTime() - t0) / 1e6 / count);
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}

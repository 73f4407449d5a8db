package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.train.AdamWConfig;
import org.verl4j.train.Objective;
import org.verl4j.train.TrainStep;
import org.verl4j.train.TrainStepGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A benchmark, not a test: PPO train-step session creation, step time and peak resident memory for a decoder
 * (float32, one micro-batch of B sequences of P prompt + R response tokens), with the step's FLOP count.
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.verl4j.model.TrainBench tiny|25m [BATCH PROMPT RESPONSE THREADS]
 * </pre>
 * FLOPs: 6·N·tokens for the dense layers (forward 2N, backward 4N) + 12·L·B·S²·H·D/2 for attention scores and
 * context (causal half not exploited by the graph, so counted in full: 6·L·B·S²·H·D·2 / 2·2).
 */
public final class TrainBench {

    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "tiny";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int prompt = args.length > 2 ? Integer.parseInt(args[2]) : 64, response = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Random random = new Random(3);
        DecoderWeights w = which.equals("tiny")
                ? DecoderWeights.load(Path.of("../shared/models/arith-seq-llama-random"))
                : RandomDecoders.weights(new ModelConfig(Architecture.LLAMA, 512, 1376, 8, 8, 8, 64, 1e-6, 10000.0,
                16, false, false, false, 2048, -1, List.of(1), "float32"), random);
        ModelConfig c = w.config();
        long n = WeightLayout.parameterCount(c);
        ActorLoss loss = ActorLoss.defaults();
        DecoderForward forward = new DecoderForward(c);
        Map<String, Double> hyper = Map.of(TrainStepGraph.CLIP_LOW, 0.2, TrainStepGraph.CLIP_HIGH, 0.2,
                TrainStepGraph.ENTROPY_COEFF, 0.001, TrainStepGraph.KL_COEFF, 0.001);
        double[] theta = new double[(int) n];
        float[] flat = w.flatten();
        for (int i = 0; i < theta.length; i++) theta[i] = flat[i];
        PpoMicroBatch mb = new PpoMicroBatch(w, random, new int[batch], prompt, full(batch, response), response, false);
        Map<String, HostTensor> feed = mb.feed(ElementType.FLOAT, loss);
        feed.keySet().removeAll(hyper.keySet());
        System.out.printf("%s: N=%d parameters, B=%d P=%d R=%d, %d threads%n", which, n, batch, prompt, response, threads);
        long t0 = System.nanoTime();
        try (TrainStep step = new TrainStep(ElementType.FLOAT, forward.layout(), forward, new Objective.Policy(loss),
                AdamWConfig.defaults(), hyper, theta, OrtRunner.Options.cpu(threads))) {
            System.out.printf("session creation (accumulate + update)   %10.0f ms%n", (System.nanoTime() - t0) / 1e6);
            for (int k = 0; k < 3; k++) {
                t0 = System.nanoTime();
                TrainStep.Result r = step.step(List.of(feed));
                double s = (System.nanoTime() - t0) / 1e9;
                int seq = prompt + response, tokens = batch * seq;
                double flops = 6.0 * n * tokens + 6.0 * c.numLayers() * batch * (double) seq * seq * c.numHeads() * c.headDim() * 2;
                System.out.printf("step %d: %8.0f ms  loss %.4f  grad norm %.3g  %.2f GFLOP → %.2f GFLOP/s%n", k + 1, s * 1e3,
                        r.microBatches().get(0).get(TrainStepGraph.LOSS), r.gradNorm(), flops / 1e9, flops / s / 1e9);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmHWM")) System.out.println("peak resident memory " + line.substring(6).trim());
    }

    private static int[] full(int batch, int response) {
        int[] lengths = new int[batch];
        java.util.Arrays.fill(lengths, response);
        return lengths;
    }
}

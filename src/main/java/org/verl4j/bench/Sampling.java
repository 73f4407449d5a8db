package org.verl4j.bench;

import org.verl4j.graph.HostTensor;
import org.verl4j.model.GenerationSession;

import java.util.Random;

/**
 * Greedy sampling runs for {@link ModelBenchCommand}: B prompts of P tokens drawn uniformly from the vocabulary
 * (seeded, no padding), one prefill, then R decode steps each feeding back the argmax of the logits.
 */
public final class Sampling {

    /** Median prefill time and median time of the R decode steps together. */
    public record Result(Timing prefill, Timing decode) {
    }

    private Sampling() {
    }

    public static Result time(GenerationSession session, int vocab, int batch, int prompt, int newTokens, int repeats) {
        int[][] ids = new int[batch][prompt], mask = new int[batch][prompt];
        Random random = new Random(5);
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < prompt; t++) {
                ids[b][t] = random.nextInt(vocab);
                mask[b][t] = 1;
            }
        GenerationSession.Step[] step = new GenerationSession.Step[1];
        Runnable prefill = () -> step[0] = session.prefill(ids, mask);
        Runnable decode = () -> {
            int[] next = new int[batch];
            for (int k = 0; k < newTokens; k++) {
                for (int b = 0; b < batch; b++) next[b] = argmax(step[0].logits()[b]);
                step[0] = session.decode(next);
            }
        };
        prefill.run();                                                         // warm-up (JIT, ORT arena)
        decode.run();
        double[] p = new double[repeats], pc = new double[repeats], d = new double[repeats], dc = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Timing tp = Timing.median(prefill, 1), td = Timing.median(decode, 1);   // decode continues this prefill
            p[i] = tp.wallSeconds();
            pc[i] = tp.cpuSeconds();
            d[i] = td.wallSeconds();
            dc[i] = td.cpuSeconds();
        }
        return new Result(new Timing(Timing.median(p), Timing.median(pc)), new Timing(Timing.median(d), Timing.median(dc)));
    }

    /** Uniform token ids [B, S] as INT64. */
    public static HostTensor ids(Random random, int batch, int length, int vocab) {
        long[] ids = new long[batch * length];
        for (int i = 0; i < ids.length; i++) ids[i] = random.nextInt(vocab);
        return HostTensor.ofLongs(new long[]{batch, length}, ids);
    }

    /** Positions 0 … S−1 in every row. */
    public static HostTensor positions(int batch, int length) {
        long[] p = new long[batch * length];
        for (int i = 0; i < p.length; i++) p[i] = i % length;
        return HostTensor.ofLongs(new long[]{batch, length}, p);
    }

    /** An all-ones attention mask [B, S]. */
    public static HostTensor ones(int batch, int length) {
        long[] m = new long[batch * length];
        java.util.Arrays.fill(m, 1);
        return HostTensor.ofLongs(new long[]{batch, length}, m);
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}

package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The global gradient norm of the UPDATE graph ({@link AdamWGraph#globalNorm}) on a synthetic float32 gradient of
 * 25M elements (the 25M model's size) equals the float64 sum of squares. Oracle: plain Java, Σ g_i² in double.
 */
class GradientNormTest {

    static final long SEED = 25_000_000L;

    @Test
    void blockwiseNormOf25MillionFloatsEqualsTheFloat64Sum() {
        int p = 25_000_000 + 123;                                          // not a whole number of blocks
        Random rnd = new Random(SEED);
        float[] grad = new float[p];
        double sumSq = 0;
        for (int i = 0; i < p; i++) {
            grad[i] = (float) (1e-3 * (rnd.nextDouble() - 0.5) * (1 + (i % 7)));   // magnitudes vary by tensor-ish runs
            sumSq += (double) grad[i] * grad[i];
        }
        double expected = Math.sqrt(sumSq);
        GraphBuilder g = new GraphBuilder("grad_norm");
        Value in = g.input("g", ElementType.FLOAT, Shape.of(p));
        g.output("blockwise", AdamWGraph.globalNorm(g, in));
        g.output("single_sum", g.sqrt(g.reduceSumAll(g.mul(in, in))));  // the old way: one float32 ReduceSum
        Map<String, HostTensor> out;
        try (OrtRunner r = new OrtRunner(g.build(), OrtRunner.Options.cpu(2))) {
            out = r.run(Map.of("g", HostTensor.ofFloats(new long[]{p}, grad)));
        }
        double blockwise = out.get("blockwise").scalar(), single = out.get("single_sum").scalar();
        // float32 result: its rounding is ≤ 6e-8 relative; block sums of 4096 squares add random rounding of about
        // √4096·6e-8 per block, averaging out over ~6100 blocks. 1e-6 leaves a wide margin.
        assertThat(Math.abs(blockwise / expected - 1)).as("blockwise norm, seed %d", SEED).isLessThan(1e-6);
        assertThat(Math.abs(single / expected - 1)).as("single float32 sum (the old graph), seed %d", SEED)
                .isGreaterThan(1e-5);
    }
}

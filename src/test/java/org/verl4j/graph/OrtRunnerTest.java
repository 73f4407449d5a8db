package org.verl4j.graph;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Graphs written by verl4j load in ONNX Runtime with full optimisation and compute what plain Java computes. */
class OrtRunnerTest {

    @Test
    void sampleGraphMatchesPlainJava() {
        double[] x = {0.5, -1, 2, 3, 0.25, -0.75};
        float[] w = {1f, -2f, 3.5f, 0f, -0.25f, 7f};
        try (OrtRunner r = new OrtRunner(OnnxWriter.write(OnnxWriterTest.sample()), OrtRunner.Options.cpu(1))) {
            float[] xf = new float[x.length];
            for (int i = 0; i < x.length; i++) xf[i] = (float) x[i];
            Map<String, HostTensor> out = r.run(Map.of("x", HostTensor.ofFloats(new long[]{2, 3}, xf)));
            double[] y = out.get("y").doubles();
            assertThat(out.get("y").shape()).containsExactly(2, 2);
            for (int b = 0; b < 2; b++) {
                for (int j = 0; j < 2; j++) {
                    double h = 0;
                    for (int k = 0; k < 3; k++) h += x[b * 3 + k] * w[k * 2 + j];
                    // softmax sums to 1, so y = tanh(h + 1)
                    assertThat(y[b * 2 + j]).isCloseTo(Math.tanh(h + 1), within(1e-5));
                }
            }
        }
    }

    @Test
    void int64AndBoolTensorsCrossTheBoundary() {
        GraphBuilder g = new GraphBuilder("types");
        Value ids = g.input("ids", ElementType.INT64, Shape.of("n"));
        Value mask = g.input("mask", ElementType.BOOL, Shape.of("n"));
        Value table = g.initializer("E", TensorData.ofDoubles(new long[]{3, 2}, 1, 2, 3, 4, 5, 6));
        Value rows = g.gather(table, ids, 0);
        Value masked = g.where(g.unsqueeze(mask, -1), rows, g.scalar(0, ElementType.DOUBLE));
        g.output("rows", masked);
        g.output("doubled", g.add(ids, ids));
        try (OrtRunner r = new OrtRunner(OnnxWriter.write(g.build()), OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> out = r.run(Map.of(
                    "ids", HostTensor.ofLongs(new long[]{3}, 2, 0, 1),
                    "mask", HostTensor.ofBooleans(new long[]{3}, true, false, true)));
            assertThat(out.get("rows").doubles()).containsExactly(5, 6, 0, 0, 3, 4);
            assertThat(out.get("doubled").longs()).containsExactly(4, 0, 2);
        }
    }

    @Test
    void reusedInputBuffersGiveEachRunItsOwnInputs() {
        GraphBuilder g = new GraphBuilder("staging");
        Value ids = g.input("ids", ElementType.INT64, Shape.of("n"));
        Value mask = g.input("mask", ElementType.BOOL, Shape.of("n"));
        Value x = g.input("x", ElementType.FLOAT, Shape.of("n"));
        g.output("y", g.where(mask, g.add(x, g.cast(ids, ElementType.FLOAT)), g.scalar(-1, ElementType.FLOAT)));
        OrtRunner.Options options = OrtRunner.Options.cpu(1).withoutMemoryPattern().disabling("MatmulTransposeFusion");
        assertThat(options.memoryPattern()).isFalse();
        assertThat(options.disabledOptimizers()).containsExactly("NoopElimination", "MatmulTransposeFusion");
        try (OrtRunner r = new OrtRunner(OnnxWriter.write(g.build()), options)) {
            int[] sizes = {3, 7, 2, 7, 1};                                   // grow, shrink, grow back to a kept size
            for (int n : sizes) {
                long[] id = new long[n];
                boolean[] m = new boolean[n];
                float[] xs = new float[n];
                float[] expected = new float[n];
                for (int i = 0; i < n; i++) {
                    id[i] = 10L * n + i;
                    m[i] = (i + n) % 3 != 0;
                    xs[i] = 0.5f * i - n;
                    expected[i] = m[i] ? xs[i] + id[i] : -1;
                }
                Map<String, HostTensor> out = r.run(Map.of("ids", HostTensor.ofLongs(new long[]{n}, id),
                        "mask", HostTensor.ofBooleans(new long[]{n}, m), "x", HostTensor.ofFloats(new long[]{n}, xs)));
                assertThat((float[]) out.get("y").data()).as("n = %d", n).containsExactly(expected);
            }
        }
    }

    @Test
    void keptOutputsFeedTheNextRunWithoutChangingIt() {
        GraphBuilder g = new GraphBuilder("counter");
        Value state = g.input("state", ElementType.FLOAT, Shape.of("n"));
        Value step = g.input("step", ElementType.FLOAT, Shape.SCALAR);
        g.output("next", g.add(state, step));                                          // next = state + step
        try (OrtRunner r = new OrtRunner(OnnxWriter.write(g.build()), OrtRunner.Options.cpu(1))) {
            KeptOutputs kept = r.runKeeping(Map.of("state", HostTensor.ofFloats(new long[]{3}, 1, 2, 3),
                    "step", HostTensor.ofFloats(new long[0], 0.5f)), Map.of());
            for (int k = 0; k < 4; k++) {                                              // state fed back from ORT memory
                KeptOutputs next = r.runKeeping(Map.of("step", HostTensor.ofFloats(new long[0], k)),
                        Map.of("state", kept.output("next")));
                kept.close();
                kept = next;
            }
            assertThat((float[]) kept.copy("next").data()).containsExactly(7.5f, 8.5f, 9.5f);   // + 0.5 + 0 + 1 + 2 + 3
            KeptOutputs last = kept;
            assertThatThrownBy(() -> last.output("nope")).hasMessageContaining("no output named nope");
            assertThat(last.names()).containsExactly("next");
            assertThat(last.shape("next")).containsExactly(3);
            kept.close();
        }
    }

    @Test
    void aMalformedGraphIsRejectedWithOrtsMessage() {
        GraphBuilder g = new GraphBuilder("bad");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(2));
        g.output(g.sign(g.isNaN(x)).named("sign_of_bool"));                     // Sign takes numbers, not BOOL
        byte[] bytes = OnnxWriter.write(g.build());
        assertThatThrownBy(() -> new OrtRunner(bytes, OrtRunner.Options.cpu(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sign_of_bool");
    }
}

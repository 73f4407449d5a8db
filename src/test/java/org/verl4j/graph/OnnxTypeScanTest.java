package org.verl4j.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A float64 model loads through the byte-array {@link OrtRunner} constructor (as a file exported with
 * {@code --float64} does): {@link OnnxTypeScan} finds the DOUBLE tensors, so the fusions without float64 kernels are
 * left out there too. Oracle for the run: the product written out by hand.
 */
class OnnxTypeScanTest {

    /** y = x·Wᵀ with W a constant: ORT fuses the Transpose into a FusedMatMul, which has no float64 kernel. */
    static GraphBuilder.Graph transposedProduct(ElementType type) {
        GraphBuilder g = new GraphBuilder("xwt");
        Value x = g.input("x", type, Shape.of(2, 3));
        Value w = g.input("w", type, Shape.of(4, 3));
        g.output("y", g.matMul(x, g.transpose(w, 1, 0)));
        return g.build();
    }

    @Test
    void aFloat64ModelRunsFromBytes() {
        byte[] bytes = OnnxWriter.write(transposedProduct(ElementType.DOUBLE));
        double[] x = {1, 2, 3, -1, 0.5, 2}, w = new double[12];
        for (int i = 0; i < 12; i++) w[i] = 0.25 * i - 1;
        try (OrtRunner r = new OrtRunner(bytes, OrtRunner.Options.cpu(1))) {
            double[] y = r.run(Map.of("x", HostTensor.ofDoubles(new long[]{2, 3}, x),
                    "w", HostTensor.ofDoubles(new long[]{4, 3}, w))).get("y").doubles();
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 4; j++) {
                    double expected = 0;
                    for (int k = 0; k < 3; k++) expected += x[i * 3 + k] * w[j * 3 + k];
                    assertThat(y[i * 4 + j]).isCloseTo(expected, within(1e-15));   // a few exact-ish products
                }
        }
    }

    @Test
    void findsDoubleInputsInitializersCastsAndSubgraphsButNotInFloatModels() {
        assertThat(OnnxTypeScan.computesInDouble(OnnxWriter.write(transposedProduct(ElementType.DOUBLE)))).isTrue();
        assertThat(OnnxTypeScan.computesInDouble(OnnxWriter.write(transposedProduct(ElementType.FLOAT)))).isFalse();

        GraphBuilder cast = new GraphBuilder("cast");
        Value x = cast.input("x", ElementType.FLOAT, Shape.of(2));
        cast.output("y", cast.cast(cast.cast(x, ElementType.DOUBLE), ElementType.FLOAT));
        assertThat(OnnxTypeScan.computesInDouble(OnnxWriter.write(cast.build()))).as("Cast to DOUBLE").isTrue();

        GraphBuilder constant = new GraphBuilder("constant");
        Value f = constant.input("x", ElementType.FLOAT, Shape.of(2));
        Value c = constant.constant(TensorData.ofDoubles(new long[]{2}, 1, 2));
        constant.output("y", constant.add(f, constant.cast(c, ElementType.FLOAT)));
        assertThat(OnnxTypeScan.computesInDouble(OnnxWriter.write(constant.build()))).as("DOUBLE constant").isTrue();

        GraphBuilder outer = new GraphBuilder("loop");
        Value y0 = outer.input("y0", ElementType.FLOAT, Shape.of(2));
        GraphBuilder body = outer.subgraph("body");
        body.formalInput("i", ElementType.INT64, Shape.SCALAR);
        Value go = body.formalInput("go", ElementType.BOOL, Shape.SCALAR);
        Value yk = body.formalInput("y_k", ElementType.FLOAT, Shape.of(2));
        body.output(body.identity(go));
        body.output(body.cast(body.mul(body.cast(yk, ElementType.DOUBLE), body.scalar(2, ElementType.DOUBLE)), ElementType.FLOAT));
        List<Value> out = outer.loop(outer.constant(TensorData.ofLongs(new long[0], 2)),
                outer.constant(TensorData.ofBooleans(new long[0], true)), List.of(y0), body.build());
        outer.output("y", out.get(0));
        assertThat(OnnxTypeScan.computesInDouble(OnnxWriter.write(outer.build()))).as("inside a Loop body").isTrue();
    }
}

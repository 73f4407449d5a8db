package org.verl4j.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shape inference, naming and the errors the builder and autodiff raise for bad graphs. */
class GraphBuilderTest {

    @Test
    void shapesFollowBroadcastingMatMulReductionsAndGathers() {
        GraphBuilder g = new GraphBuilder("shapes");
        Value x = g.input("x", ElementType.FLOAT, Shape.of("batch", "seq", 8));
        Value w = g.input("w", ElementType.FLOAT, Shape.of(8, 16));
        Value y = g.matMul(x, w);
        assertThat(y.shape()).isEqualTo(Shape.of("batch", "seq", 16));
        assertThat(g.add(y, g.input("b", ElementType.FLOAT, Shape.of(16))).shape()).isEqualTo(Shape.of("batch", "seq", 16));
        assertThat(g.reduceSum(y, true, -1).shape()).isEqualTo(Shape.of("batch", "seq", 1));
        assertThat(g.reduceMean(y, false, 0, 2).shape()).isEqualTo(Shape.of("seq"));
        assertThat(g.transpose(y, 2, 0, 1).shape()).isEqualTo(Shape.of(16, "batch", "seq"));
        assertThat(g.reshape(g.input("z", ElementType.FLOAT, Shape.of(2, 3, 4)), 0, -1).shape()).isEqualTo(Shape.of(2, 12));
        Value ids = g.input("ids", ElementType.INT64, Shape.of("batch", "seq"));
        assertThat(g.gather(w, ids, 0).shape()).isEqualTo(Shape.of("batch", "seq", 16));
        assertThat(g.slice(w, new long[]{-3}, new long[]{Long.MAX_VALUE}, new long[]{1}).shape()).isEqualTo(Shape.of(8, 3));
        assertThat(g.concat(-1, w, w).shape()).isEqualTo(Shape.of(8, 32));
        assertThat(g.unsqueeze(ids, -1).shape()).isEqualTo(Shape.of("batch", "seq", 1));
        assertThat(g.equal(ids, ids).type()).isEqualTo(ElementType.BOOL);
    }

    @Test
    void namesAreUniqueAndValuesCanBeRenamedAfterTheMath() {
        GraphBuilder g = new GraphBuilder("names");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(2));
        Value q = g.exp(x).named("q");
        assertThat(g.value("q")).isSameAs(q);
        assertThat(g.producer(q).name()).isEqualTo("q");
        assertThatThrownBy(() -> g.neg(x).named("q")).hasMessageContaining("already has a value named q");
        assertThatThrownBy(() -> g.input("x", ElementType.DOUBLE, Shape.of(2))).hasMessageContaining("x");
    }

    @Test
    void mismatchedOperandsAreRejectedWithTheirShapesAndTypes() {
        GraphBuilder g = new GraphBuilder("bad");
        Value a = g.input("a", ElementType.FLOAT, Shape.of(2, 3));
        Value b = g.input("b", ElementType.FLOAT, Shape.of(4, 3));
        Value d = g.input("d", ElementType.DOUBLE, Shape.of(2, 3));
        assertThatThrownBy(() -> g.add(a, b)).hasMessageContaining("do not broadcast");
        assertThatThrownBy(() -> g.matMul(a, b)).hasMessageContaining("inner dimensions");
        assertThatThrownBy(() -> g.add(a, d)).hasMessageContaining("element types differ");
        assertThatThrownBy(() -> g.reduceSum(a, false)).hasMessageContaining("explicit axes");
        assertThatThrownBy(() -> g.softmax(a, 2)).hasMessageContaining("axis 2 out of range");
        assertThatThrownBy(() -> new GraphBuilder("other").neg(a)).hasMessageContaining("another graph");
    }

    @Test
    void autodiffNamesTheOpItCannotDifferentiateAndRejectsNonScalarLosses() {
        GraphBuilder g = new GraphBuilder("ad");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(3));
        Value y = g.sign(x).named("sign_y");                                  // Sign has no gradient rule
        assertThatThrownBy(() -> Autodiff.gradients(g, g.reduceSumAll(y), List.of(x)))
                .hasMessageContaining("no gradient rule for op Sign").hasMessageContaining("sign_y");
        assertThatThrownBy(() -> Autodiff.gradients(g, y, List.of(x))).hasMessageContaining("floating scalar");
    }

    @Test
    void backwardValuesAreNamedAfterTheForwardValuesTheyDifferentiate() {
        GraphBuilder g = new GraphBuilder("names");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(3));
        Value h = g.tanh(g.mul(x, x)).named("h");
        Value loss = g.reduceSumAll(g.exp(h)).named("L");
        Value dx = Autodiff.gradients(g, loss, List.of(x)).get(0);
        assertThat(dx.name()).isEqualTo("grad_x");
        assertThat(g.value("grad_h")).isNotNull();
        assertThat(h.name()).isEqualTo("h");
    }

    @Test
    void aValueTheLossDoesNotDependOnGetsAZeroGradient() {
        GraphBuilder g = new GraphBuilder("zero");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(3));
        Value unused = g.input("u", ElementType.DOUBLE, Shape.of(2));
        List<Value> grads = Autodiff.gradients(g, g.reduceSumAll(g.mul(x, x)), List.of(x, unused));
        g.output("dx", grads.get(0));
        g.output("du", grads.get(1));
        try (OrtRunner r = new OrtRunner(g.build(), OrtRunner.Options.cpu(1))) {
            var out = r.run(java.util.Map.of("x", HostTensor.ofDoubles(new long[]{3}, 1, -2, 3),
                    "u", HostTensor.ofDoubles(new long[]{2}, 5, 6)));
            assertThat(out.get("dx").doubles()).containsExactly(2, -4, 6);
            assertThat(out.get("du").doubles()).containsExactly(0, 0);
        }
    }
}

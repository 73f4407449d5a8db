package org.verl4j.rank.fast;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.verl4j.rank.simd.Kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Both kernel flavours compute the same thing: the Vector-API kernels (present when the test JVM runs with
 * {@code --add-modules jdk.incubator.vector}, as the build configures it) against the plain-Java ones, and the
 * tridiagonalisation on either against EJML's symmetric eigenvalues, the bidiagonalisation against EJML's SVD.
 */
class KernelsContractTest {

    /** The scalar kernels, and the vector kernels when this JVM has the incubator module. */
    static List<Kernels> available() {
        List<Kernels> kernels = new ArrayList<>(List.of(new ScalarKernels()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                kernels.add((Kernels) Class.forName("org.verl4j.rank.simd.VectorKernels")
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the incubator module is present but the vector kernels do not load", e);
            }
        }
        return kernels;
    }

    @Test
    void theVectorKernelsAreOfferedExactlyWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertThat(KernelChoice.scalar().name()).startsWith("scalar");
        KernelChoice.vector().ifPresent(k -> assertThat(k.name()).startsWith("vector"));
        assertThat(KernelChoice.vector().isPresent()).isEqualTo(module);
    }

    @Test
    void vectorAndScalarKernelsAgreeOnGramAndReductionPass() {
        List<Kernels> kernels = available();
        Assumptions.assumeTrue(kernels.size() == 2, "the JVM has no jdk.incubator.vector module");
        Random rng = new Random(5);
        for (int[] shape : new int[][]{{1, 1}, {7, 3}, {13, 17}, {40, 61}}) {
            int m = shape[0], d = shape[1];
            double[] y = new double[m * d];
            for (int i = 0; i < y.length; i++) y[i] = rng.nextGaussian();
            double[] g0 = kernels.get(0).gram(y, m, d), g1 = kernels.get(1).gram(y, m, d);
            for (int i = 0; i < m; i++)
                for (int j = 0; j <= i; j++) assertThat(g1[i * m + j]).isCloseTo(g0[i * m + j], within(1e-12 * d));
        }
        int n = 23, k = 4;
        double[] a0 = new double[n * n], v = new double[n], w = new double[n], u = new double[n];
        for (int i = 0; i < a0.length; i++) a0[i] = rng.nextGaussian();
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
            w[i] = rng.nextGaussian();
            u[i] = rng.nextGaussian();
        }
        double[] a1 = a0.clone(), p0 = new double[n], p1 = new double[n];
        kernels.get(0).reductionPass(a0, n, k, v, w, u, p0);
        kernels.get(1).reductionPass(a1, n, k, v, w, u, p1);
        for (int i = 0; i < a0.length; i++) assertThat(a1[i]).isCloseTo(a0[i], within(1e-13));
        for (int i = 0; i < n; i++) assertThat(p1[i]).isCloseTo(p0[i], within(1e-12));
    }

    @Test
    void tridiagonalisationAndQlGiveEjmlsEigenvaluesOnEveryKernel() {
        Random rng = new Random(6);
        for (int n : new int[]{1, 2, 3, 5, 16, 57}) {
            double[] full = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) full[i * n + j] = full[j * n + i] = rng.nextGaussian();
            var evd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false, true);
            assertThat(evd.decompose(new org.ejml.data.DMatrixRMaj(n, n, true, full.clone()))).isTrue();
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = evd.getEigenvalue(i).real;
            Arrays.sort(expected);
            for (Kernels kernels : available()) {
                double[] d = new double[n], e = new double[n];
                Tridiagonalisation.reduce(full.clone(), n, d, e, kernels);
                TridiagonalEigenvalues.solve(d, e, n);
                Arrays.sort(d);
                for (int i = 0; i < n; i++)
                    assertThat(d[i]).as("λ_%d of %d on %s", i, n, kernels.name())
                            .isCloseTo(expected[i], within(1e-12 * n));
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeOnBidiagonalisationRows() {
        List<Kernels> kernels = available();
        Assumptions.assumeTrue(kernels.size() == 2, "the JVM has no jdk.incubator.vector module");
        Random rng = new Random(7);
        int rows = 9, c = 23;                                       // c − k not a multiple of the lane count
        for (int k : new int[]{0, 3, 21})
            for (int count : new int[]{1, 2}) {
                double[] a0 = new double[rows * c], w = new double[c], v = new double[c], s0 = new double[c];
                double[] u0 = new double[rows];
                for (int i = 0; i < a0.length; i++) a0[i] = rng.nextGaussian();
                for (int j = 0; j < c; j++) {
                    w[j] = rng.nextGaussian();
                    v[j] = rng.nextGaussian();
                    s0[j] = rng.nextGaussian();
                }
                for (int i = 0; i < rows; i++) u0[i] = rng.nextGaussian();
                double[] a1 = a0.clone(), s1 = s0.clone(), u1 = u0.clone();
                kernels.get(0).bidiagonalisationRows(a0, 4, count, k, c, 0.7, u0, w, v, 0.3, s0);
                kernels.get(1).bidiagonalisationRows(a1, 4, count, k, c, 0.7, u1, w, v, 0.3, s1);
                for (int i = 0; i < a0.length; i++) assertThat(a1[i]).isCloseTo(a0[i], within(1e-12));
                for (int j = k + 1; j < c; j++) assertThat(s1[j]).isCloseTo(s0[j], within(1e-12));
                for (int i = 0; i < rows; i++) assertThat(u1[i]).isCloseTo(u0[i], within(1e-12));
            }
    }

    @Test
    void bidiagonalisationAndGolubKahanQlGiveEjmlsSingularValuesOnEveryKernel() {
        Random rng = new Random(8);
        for (int[] shape : new int[][]{{1, 1}, {1, 6}, {2, 2}, {5, 9}, {16, 16}, {30, 47}}) {
            int r = shape[0], c = shape[1];
            double[] a = new double[r * c];
            for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
            double[] expected = CentredSpectrum.bySvd(a, r, c);
            Arrays.sort(expected);
            for (Kernels kernels : available()) {
                double[] sigma = CentredSpectrum.singularValues(a.clone(), r, c, kernels);
                Arrays.sort(sigma);
                assertThat(sigma).hasSize(expected.length);
                for (int i = 0; i < expected.length; i++)
                    assertThat(sigma[i]).as("σ_%d of %d×%d on %s", i, r, c, kernels.name())
                            .isCloseTo(expected[i], within(1e-13 * expected[expected.length - 1]));
            }
        }
    }
}

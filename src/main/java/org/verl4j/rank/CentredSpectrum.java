package org.verl4j.rank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Singular values of the centred leading rows of Z: σ(Z[0..n) − 1·mean). Plain full SVD in double.
 */
final class CentredSpectrum {

    private CentredSpectrum() {
    }

    /** σ of the first {@code n} rows of {@code z}, each column centred over those rows. */
    static double[] singularValues(HiddenStates z, int n) {
        int d = z.cols();
        double[] mean = new double[d];
        for (int t = 0; t < n; t++) for (int j = 0; j < d; j++) mean[j] += z.get(t, j);
        for (int j = 0; j < d; j++) mean[j] /= n;
        DMatrixRMaj zc = new DMatrixRMaj(n, d);
        for (int t = 0; t < n; t++) for (int j = 0; j < d; j++) zc.unsafe_set(t, j, z.get(t, j) - mean[j]);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        if (!svd.decompose(zc)) throw new ArithmeticException("SVD did not converge for a " + n + "×" + d + " window");
        double[] sigma = svd.getSingularValues();
        int k = svd.numberOfSingularValues();
        return java.util.Arrays.copyOf(sigma, k);
    }
}

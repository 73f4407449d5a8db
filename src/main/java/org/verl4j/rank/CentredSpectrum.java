package org.verl4j.rank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

/**
 * The exact fallback: σ of a window by a full double-precision SVD (EJML) of its Helmert rows, which are the
 * centred window up to an orthogonal change of row basis ({@link HelmertRows}). Nothing is squared, so singular
 * values below the Gram route's noise floor come out right. Used when {@link SquaredSpectrum} refuses a window.
 */
final class CentredSpectrum {

    private CentredSpectrum() {
    }

    /** σ of the first {@code m} rows of the Helmert matrix {@code y} (row-major, d columns). */
    static double[] singularValues(double[] y, int m, int d) {
        DMatrixRMaj block = new DMatrixRMaj(m, d);
        System.arraycopy(y, 0, block.data, 0, m * d);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, d, false, false, true);
        if (!svd.decompose(block)) throw new ArithmeticException("SVD did not converge for a " + m + "×" + d + " window");
        return Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    }
}

package org.verl4j.rank;

import org.verl4j.rank.fast.KernelChoice;

/**
 * How the singular values of ALGORITHM.md §2 are computed, per window. Every method computes the same definition; they
 * differ in speed and in rounding (the fast path agrees with {@link #SVD} to ≤ 1e-10 relative on ER,
 * FastPathTest).
 * <p>{@link #DEFAULT}: {@link #FAST_VECTOR} when this JVM runs with {@code --add-modules jdk.incubator.vector},
 * else {@link #FAST_SCALAR}; the system property {@code verl4j.kernels=scalar} (read once, at class loading)
 * makes it {@link #FAST_SCALAR} anyway.
 */
public enum SpectrumMethod {
    /** {@link SvdRank}: EJML's SVD of every explicitly centred window — the definition, slow. */
    SVD,
    /** The exact fast path ({@code org.verl4j.rank.fast}) on plain-Java kernels. */
    FAST_SCALAR,
    /** The exact fast path on Vector-API kernels; needs {@code --add-modules jdk.incubator.vector}. */
    FAST_VECTOR;

    /** The method {@link RankOptions} use unless told otherwise. */
    public static final SpectrumMethod DEFAULT =
            !"scalar".equals(System.getProperty("verl4j.kernels")) && KernelChoice.vector().isPresent()
                    ? FAST_VECTOR : FAST_SCALAR;

    /** Whether this JVM can run the method ({@link #FAST_VECTOR} needs the incubator module). */
    public boolean available() {
        return this != FAST_VECTOR || KernelChoice.vector().isPresent();
    }
}

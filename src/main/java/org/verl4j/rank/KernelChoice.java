package org.verl4j.rank;

import org.verl4j.rank.simd.Kernels;

/**
 * Picks the fast path's kernels once per JVM: the Vector-API kernels when the incubator module
 * {@code jdk.incubator.vector} is in the boot layer ({@code java --add-modules jdk.incubator.vector …}) and the
 * system property {@code verl4j.kernels} is not {@code scalar}; the plain-Java kernels otherwise, and whenever
 * loading the vector class fails for any reason. The vector class is named, never imported: without the module
 * nothing here links against it.
 */
final class KernelChoice {

    static final Kernels ACTIVE = choose();

    private static final String VECTOR_CLASS = "org.verl4j.rank.simd.VectorKernels";

    private KernelChoice() {
    }

    private static Kernels choose() {
        boolean wanted = !"scalar".equals(System.getProperty("verl4j.kernels"));
        if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return new ScalarKernels();                             // module present but unusable
            }
        }
        return new ScalarKernels();
    }
}

package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

import java.util.Optional;

/**
 * The fast path's two kernel flavours: plain Java ({@link #scalar()}, always there) and the Vector API
 * ({@link #vector()}), present only when the incubator module {@code jdk.incubator.vector} is in the boot layer
 * ({@code java --add-modules jdk.incubator.vector …}) and the vector class loads. The vector class is named,
 * never imported: without the module nothing here links against it. Which flavour runs is the caller's choice
 * ({@code org.verl4j.rank.SpectrumMethod}); this class holds no switch, only the immutable kernels.
 */
public final class KernelChoice {

    private static final String VECTOR_CLASS = "org.verl4j.rank.simd.VectorKernels";
    private static final Kernels SCALAR = new ScalarKernels();

    private KernelChoice() {
    }

    /** The plain-Java kernels. */
    public static Kernels scalar() {
        return SCALAR;
    }

    /** The Vector-API kernels, or empty when this JVM cannot run them. */
    public static Optional<Kernels> vector() {
        return Optional.ofNullable(Vector.KERNELS);
    }

    /** Loaded on first use (class initialisation is thread-safe and happens once). */
    private static final class Vector {
        static final Kernels KERNELS = load();

        private static Kernels load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
            try {
                return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return null;                                            // module present but unusable
            }
        }
    }
}

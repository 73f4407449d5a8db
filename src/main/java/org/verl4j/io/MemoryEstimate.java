package org.verl4j.io;

/**
 * Checks before a large allocation that the JVM can hold it, so that a huge input fails with one line that says
 * what is needed instead of an {@link OutOfMemoryError} and a stack trace.
 *
 * <pre>
 * available = maxMemory − (totalMemory − freeMemory)      (heap not yet in use, Runtime's view)
 * refuse when bytes &gt; available
 * </pre>
 *
 * An estimate: garbage not yet collected counts as used, so the check can refuse only what would at best just fit.
 */
public final class MemoryEstimate {

    private static final long MIB = 1L << 20;

    private MemoryEstimate() {
    }

    /** Throws {@link IllegalStateException} naming {@code what} when {@code bytes} cannot fit in the heap. */
    public static void require(long bytes, String what) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= available) return;
        System.gc();                                       // only on the path that would otherwise fail
        available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= available) return;
        throw new IllegalStateException(what + " needs " + toMib(bytes) + " MiB of memory; the JVM has "
                + toMib(available) + " MiB free of " + toMib(rt.maxMemory()) + " MiB (-Xmx): run java with -Xmx"
                + ceilGib(bytes + (rt.maxMemory() - available)) + "g or more, or split the input");
    }

    private static long toMib(long bytes) {
        return (bytes + MIB - 1) / MIB;
    }

    private static long ceilGib(long bytes) {
        return Math.max(1, (bytes + 1024 * MIB - 1) / (1024 * MIB) + 1);
    }
}

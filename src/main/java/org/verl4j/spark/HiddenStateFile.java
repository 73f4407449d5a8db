package org.verl4j.spark;

import org.verl4j.io.NpyFile;
import org.verl4j.io.SafetensorsFile;
import org.verl4j.io.TensorInfo;
import org.verl4j.rank.HiddenStates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The responses of one hidden-state file, read one at a time: a {@code .npy} {@code T×d} (one response) or
 * {@code N×T×d} (a batch), float16/32/64; a {@code .safetensors} with one floating {@code T×d} tensor per
 * response, in header order. The same inputs and messages as {@code verl4j metrics} (whose reader,
 * {@code cli.ResponseInput}, is package-private; this class is the seam to replace once it is public), read by
 * the same io classes; {@code --lengths} files are not supported here (they pair with batches by position).
 */
final class HiddenStateFile implements AutoCloseable {

    /** One response: its index in the file, its tensor name (safetensors only, else null) and its valid rows. */
    record Response(int index, String tensor, HiddenStates z) {
    }

    private final String source;
    private final NpyFile npy;
    private final SafetensorsFile safetensors;
    private final List<String> names;
    private final RowRule rule;
    private final int count, rows, cols;

    private HiddenStateFile(String source, NpyFile npy, SafetensorsFile safetensors, List<String> names, RowRule rule,
                            int count, int rows, int cols) {
        this.source = source;
        this.npy = npy;
        this.safetensors = safetensors;
        this.names = names;
        this.rule = rule;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
    }

    /** Opens and validates {@code local}; {@code source} is the name used in every message. */
    static HiddenStateFile open(Path local, String source, RowRule rule) throws IOException {
        String name = local.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) return openNpy(local, source, rule);
        if (name.endsWith(".safetensors")) return openSafetensors(local, source, rule);
        throw new IllegalArgumentException(source + ": unsupported input (expected .npy or .safetensors)");
    }

    private static HiddenStateFile openNpy(Path local, String source, RowRule rule) throws IOException {
        NpyFile file = NpyFile.open(local);
        try {
            long[] shape = file.header().shape();
            if (!file.header().dtype().isFloating())
                throw new IllegalArgumentException(source + ": hidden states must be float16/32/64, got " + file.header().descr());
            if (shape.length != 2 && shape.length != 3)
                throw new IllegalArgumentException(source + ": expected hidden states T×d (one response) or N×T×d (a batch), got shape "
                        + Arrays.toString(shape));
            for (long s : shape) if (s > Integer.MAX_VALUE) throw new IllegalArgumentException(source + ": dimension " + s + " too large");
            int cols = (int) shape[shape.length - 1];
            if (cols < 1) throw new IllegalArgumentException(source + ": hidden size d is 0 in shape " + Arrays.toString(shape));
            int count = shape.length == 3 ? (int) shape[0] : 1;
            return new HiddenStateFile(source, file, null, null, rule, count, (int) shape[shape.length - 2], cols);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static HiddenStateFile openSafetensors(Path local, String source, RowRule rule) throws IOException {
        SafetensorsFile file = SafetensorsFile.open(local);
        try {
            List<String> names = new ArrayList<>(file.names());
            for (String name : names) {
                TensorInfo info = file.info(name);
                if (!info.dtype().isFloating() || info.rank() != 2 || info.dim(1) < 1 || info.dim(0) > Integer.MAX_VALUE)
                    throw new IllegalArgumentException(source + ": tensor \"" + name + "\" is " + info.dtype()
                            + Arrays.toString(info.shape()) + "; each tensor must be one response's floating hidden states T×d");
            }
            return new HiddenStateFile(source, null, file, names, rule, names.size(), 0, 0);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Number of responses. */
    int count() {
        return count;
    }

    /** Response {@code k}, cut to its valid rows; non-finite values are reported with the file and response. */
    Response read(int k) throws IOException {
        String tensor = names != null ? names.get(k) : null;
        int t = rows, d = cols;
        double[] z;
        if (npy != null) {
            z = npy.header().rank() == 3 ? npy.readSubarray(k) : npy.readDoubles();               // T×d, C order
        } else {
            TensorInfo info = safetensors.info(tensor);
            t = (int) info.dim(0);
            d = (int) info.dim(1);
            z = safetensors.readDoubles(tensor);
        }
        int valid = rule.validRows(z, t, d);
        if (valid < t) z = Arrays.copyOf(z, valid * d);
        try {
            return new Response(k, tensor, new HiddenStates(valid, d, z));
        } catch (IllegalArgumentException invalid) {
            String where = source + (tensor != null ? " tensor \"" + tensor + "\"" : " response " + k);
            throw new IllegalArgumentException(where + ": " + invalid.getMessage(), invalid);
        }
    }

    @Override
    public void close() throws IOException {
        if (npy != null) npy.close();
        if (safetensors != null) safetensors.close();
    }
}

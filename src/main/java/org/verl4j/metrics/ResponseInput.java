package org.verl4j.metrics;

import org.verl4j.io.NpyFile;
import org.verl4j.io.SafetensorsFile;
import org.verl4j.io.TensorInfo;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One input file of {@code verl4j metrics} seen as a list of responses, each read on demand (so a batch is
 * streamed, one response in memory at a time). Row-major {@code T×d} values in double, cut to the valid rows.
 * {@link MetricsInputs} and the Spark metrics job (each file on an executor) read through it.
 */
public sealed interface ResponseInput extends AutoCloseable permits ResponseInput.Npy, ResponseInput.Safetensors {

    /** One response: where it came from and its valid rows (values not yet validated as finite). */
    record Response(String source, int index, String tensor, int rows, int cols, double[] values) {
    }

    /**
     * Opens and validates {@code file} by its extension ({@code .npy} or {@code .safetensors}); {@code source} is
     * the name every message and {@link Response} uses (the command-line path, or the Hadoop path of a local copy).
     */
    static ResponseInput open(Path file, String source, Lengths lengths) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) return new Npy(file, source, lengths);
        if (name.endsWith(".safetensors")) return new Safetensors(file, source, lengths);
        throw new IllegalArgumentException(source + ": unsupported input (expected .npy or .safetensors)");
    }

    /** The file's name in messages (the {@code source} it was opened with). */
    String source();

    /** Number of responses. */
    int count();

    /** Response {@code k}, cut to its valid rows. */
    Response read(int k) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * How the valid length of a response is found from its own values (serializable: Spark ships it to executors).
     * A batch's {@code --lengths} file is paired by position instead ({@link Npy#useLengths}).
     */
    sealed interface Lengths extends Serializable permits AllRows, FromPadding {
        /** The number of valid rows of a {@code rows×d} response {@code z} (row-major). */
        int validRows(double[] z, int rows, int d);
    }

    /** Every row of every response is valid. */
    record AllRows() implements Lengths {
        @Override
        public int validRows(double[] z, int rows, int d) {
            return rows;
        }
    }

    /**
     * Trailing padding: a row counts as padding when every value equals {@code value} (NaN matches NaN); the valid
     * length is one past the last row that is not padding. Rows equal to {@code value} before that row are data.
     */
    record FromPadding(double value) implements Lengths {
        @Override
        public int validRows(double[] z, int rows, int d) {
            int valid = rows;
            while (valid > 0 && isPadding(z, valid - 1, d)) valid--;
            return valid;
        }

        private boolean isPadding(double[] z, int row, int d) {
            for (int j = 0; j < d; j++) {
                double x = z[row * d + j];
                if (!(x == value || (Double.isNaN(value) && Double.isNaN(x)))) return false;
            }
            return true;
        }
    }

    /** A {@code T×d} (one response) or {@code N×T×d} (batch) float16/32/64 .npy. */
    final class Npy implements ResponseInput {
        private final NpyFile file;
        private final String source;
        private final int n, rows, cols;
        private final boolean batch;
        private final Lengths lengths;
        private long[] validRows;                                        // from --lengths, else null

        Npy(Path path, String source, Lengths lengths) throws IOException {
            this.source = source;
            this.file = NpyFile.open(path);
            try {
                long[] shape = file.header().shape();
                if (!file.header().dtype().isFloating())
                    throw new IllegalArgumentException(source + ": hidden states must be float16/32/64, got " + file.header().descr());
                if (shape.length != 2 && shape.length != 3)
                    throw new IllegalArgumentException(source + ": expected hidden states T×d (one response) or N×T×d (a batch), got shape "
                            + Arrays.toString(shape));
                for (long s : shape) if (s > Integer.MAX_VALUE) throw new IllegalArgumentException(source + ": dimension " + s + " too large");
                batch = shape.length == 3;
                n = batch ? (int) shape[0] : 1;
                rows = (int) shape[shape.length - 2];
                cols = (int) shape[shape.length - 1];
                if (cols < 1) throw new IllegalArgumentException(source + ": hidden size d is 0 in shape " + Arrays.toString(shape));
                this.lengths = lengths;
            } catch (RuntimeException e) {
                file.close();
                throw e;
            }
        }

        /** Whether this is a batch N×T×d (which a --lengths file may pair with). */
        boolean isBatch() {
            return batch;
        }

        /** Reads the valid lengths of this batch from {@code lengthsFile} (a 1-D integer .npy of N entries). */
        void useLengths(Path lengthsFile) throws IOException {
            validRows = readLengths(lengthsFile);
        }

        private long[] readLengths(Path lengthsFile) throws IOException {
            if (!batch) throw new IllegalArgumentException(lengthsFile + ": --lengths pairs with a batch N×T×d, but " + source + " is one response T×d");
            try (NpyFile f = NpyFile.open(lengthsFile)) {
                if (f.header().rank() != 1 || f.header().dim(0) != n)
                    throw new IllegalArgumentException(lengthsFile + ": lengths must be a 1-D integer array of " + n
                            + " entries (one per response of " + source + "), got shape " + Arrays.toString(f.header().shape()));
                long[] l = f.readLongs();
                for (int i = 0; i < n; i++)
                    if (l[i] < 0 || l[i] > rows)
                        throw new IllegalArgumentException(lengthsFile + ": length " + l[i] + " of response " + i
                                + " is outside [0, " + rows + "] (T of " + source + ")");
                return l;
            }
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public int count() {
            return n;
        }

        @Override
        public Response read(int k) throws IOException {
            if (validRows != null) {                                          // read the valid rows only
                int valid = (int) validRows[k];
                return new Response(source, k, null, valid, cols, file.readSubarray(k, valid * cols));
            }
            double[] z = batch ? file.readSubarray(k) : file.readDoubles();   // T×d, C order
            int valid = lengths.validRows(z, rows, cols);
            if (valid < rows) z = Arrays.copyOf(z, valid * cols);
            return new Response(source, k, null, valid, cols, z);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** A .safetensors file with one floating {@code T×d} tensor per response, in header order. */
    final class Safetensors implements ResponseInput {
        private final SafetensorsFile file;
        private final String source;
        private final List<String> names;
        private final Lengths lengths;

        Safetensors(Path path, String source, Lengths lengths) throws IOException {
            this.source = source;
            this.lengths = lengths;
            this.file = SafetensorsFile.open(path);
            this.names = new ArrayList<>(file.names());
            try {
                if (names.isEmpty())
                    throw new IllegalArgumentException(source + ": holds no tensors (an empty safetensors file): nothing to measure");
                for (String name : names) {
                    TensorInfo info = file.info(name);
                    if (!info.dtype().isFloating() || info.rank() != 2 || info.dim(1) < 1 || info.dim(0) > Integer.MAX_VALUE)
                        throw new IllegalArgumentException(source + ": tensor \"" + name + "\" is " + info.dtype()
                                + Arrays.toString(info.shape()) + "; each tensor must be one response's floating hidden states T×d");
                }
            } catch (RuntimeException e) {
                file.close();
                throw e;
            }
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public int count() {
            return names.size();
        }

        @Override
        public Response read(int k) throws IOException {
            String name = names.get(k);
            TensorInfo info = file.info(name);
            int rows = (int) info.dim(0), cols = (int) info.dim(1);
            double[] z = file.readDoubles(name);
            int valid = lengths.validRows(z, rows, cols);
            if (valid < rows) z = Arrays.copyOf(z, valid * cols);
            return new Response(source, k, name, valid, cols, z);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}

package org.verl4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The reference figures the benches print ratios against: what the authors' code and PyTorch eager achieve on this
 * project's machine kind. Stated once, in the "Anchors the benches print" table of {@code docs/PERFORMANCE.md} (with
 * its date, machine and method), which the build packages beside this class; each constant names its row's key.
 */
public enum Anchor {
    /** ER + ERV + ERA of 64 × T 512 × d 896 (s 40, M 512), the authors' default Gram path, seconds. */
    RANK_BATCH,
    /** One response T 1536 × d 128 without truncation, the authors' SVD path, seconds. */
    RANK_LONG,
    /** Sampling with a KV cache, tiny Llama, prompt 8 + 64 new tokens, batch 1, PyTorch eager, new tokens/s. */
    SAMPLE_TINY_B1,
    /** The same at batch 512. */
    SAMPLE_TINY_B512,
    /** The same for the 25.8 M model, batch 1. */
    SAMPLE_25M_B1,
    /** The same for the 25.8 M model, batch 512. */
    SAMPLE_25M_B512,
    /** One PPO train step of 32 × 128 tokens, tiny Llama, PyTorch eager, seconds. */
    TRAIN_TINY,
    /** The same for the 25.8 M model, seconds. */
    TRAIN_25M;

    /** The packaged copy of {@code docs/PERFORMANCE.md}. */
    static final String RESOURCE = "PERFORMANCE.md";
    static final String TABLE = "## Anchors the benches print";

    /** The row's key in the table: the constant's name in lower case, dots for underscores ({@code rank.batch}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The figure of this row (its unit is the table's: seconds or new tokens per second). */
    public double value() {
        return Table.VALUES.get(this);
    }

    /** The table, read once from the packaged file. */
    private static final class Table {
        static final Map<Anchor, Double> VALUES = read();

        private static Map<Anchor, Double> read() {
            try (InputStream in = Anchor.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("docs/PERFORMANCE.md is not packaged beside " + Anchor.class.getName());
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the packaged docs/PERFORMANCE.md", e);
            }
        }
    }

    /** The anchors of a PERFORMANCE.md text: the rows {@code | `key` | value | …} under {@link #TABLE}. */
    static Map<Anchor, Double> parse(BufferedReader text) throws IOException {
        Map<Anchor, Double> values = new EnumMap<>(Anchor.class);
        boolean inTable = false;
        for (String line = text.readLine(); line != null; line = text.readLine()) {
            if (line.startsWith("## ")) inTable = line.strip().equals(TABLE);
            if (!inTable || !line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            String key = cells[1].strip().replace("`", "");
            for (Anchor a : values()) {
                if (!a.key().equals(key)) continue;
                try {
                    values.put(a, Double.parseDouble(cells[2].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("docs/PERFORMANCE.md anchor `" + key + "`: '" + cells[2].strip() + "' is not a number");
                }
            }
        }
        for (Anchor a : values())
            if (!values.containsKey(a)) throw new IllegalStateException("docs/PERFORMANCE.md has no anchor `" + a.key()
                    + "` in its table \"" + TABLE.substring(3) + "\"");
        return values;
    }
}

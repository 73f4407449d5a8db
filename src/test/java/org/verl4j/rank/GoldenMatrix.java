package org.verl4j.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the golden inputs of {@code ../shared/golden} (see its README): a manifest (JSON) and per case a raw
 * little-endian float32 {@code [T][d]} file whose sha256 is in the manifest entry. Test-side only.
 */
final class GoldenMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenMatrix() {
    }

    /** The manifest's root node. */
    static JsonNode manifest(Path manifest) {
        try {
            return JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + manifest, e);
        }
    }

    /**
     * The hidden states of a manifest case ({@code file}, {@code T}, {@code d}, {@code sha256}), after checking
     * the byte count and the sha256 — a changed file must fail loudly, not shift the targets.
     */
    static HiddenStates read(Path dir, JsonNode entry) {
        Path file = dir.resolve(entry.get("file").asText());
        int rows = entry.get("T").asInt();
        int cols = entry.get("d").asInt();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length != 4L * rows * cols)
            throw new IllegalStateException(file + ": " + bytes.length + " bytes, expected 4·" + rows + "·" + cols);
        String sha = sha256(bytes);
        if (!sha.equals(entry.get("sha256").asText()))
            throw new IllegalStateException(file + ": sha256 " + sha + " differs from the manifest's " + entry.get("sha256").asText());
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) values[i] = bb.getFloat();
        return HiddenStates.ofFloats(rows, cols, values);
    }

    /** A JSON array of numbers as double[]. */
    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

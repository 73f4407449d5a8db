package org.verl4j.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verl4j.io.NpyFile;
import org.verl4j.rollout.Rollout;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON Lines of {@code verl4j generate} into {@link ResponseMetrics}: per line {@code id}, {@code sample},
 * {@code token_ids} and {@code logprobs} (one per token), and — unless hidden states are given — {@code er} and
 * {@code erv} ({@code erv} null, or {@code erv_measured} false, means not measured). With a hidden-states
 * directory, ER and ERV are measured here from {@code DIR/<id>-<sample>.npy} ({@link Rollout#hiddenStatesFileName}) (T × d, ALGORITHM.md §1 rows) under the
 * given {@link RankOptions}, so a stride suited to short responses can be chosen after generation.
 * Blank lines are skipped; anything else malformed is an error naming the file and line.
 */
public final class RolloutsFile {

    private RolloutsFile() {
    }

    /** Every response of {@code file}; {@code hiddenStates} may be null (then ER/ERV come from the file). */
    public static List<ResponseMetrics> read(Path file, Path hiddenStates, RankOptions rank) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ResponseMetrics> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = in.readLine()) != null; number++) {
                if (line.isBlank()) continue;
                try {
                    out.add(parse(json.readTree(line), hiddenStates, rank));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + ": no responses");
        return out;
    }

    private static ResponseMetrics parse(JsonNode o, Path hiddenStates, RankOptions rank) throws IOException {
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
        String id = o.path("id").asText(null);
        if (id == null || !o.get("id").isValueNode()) throw new IllegalArgumentException("'id' missing");
        int sample = o.path("sample").asInt(0);
        int[] tokens = ints(o, "token_ids");
        double[] logProbs = doubles(o, "logprobs");
        if (tokens.length != logProbs.length)
            throw new IllegalArgumentException(id + "-" + sample + ": " + tokens.length + " token ids but "
                    + logProbs.length + " log-probs");
        if (hiddenStates != null) {
            Path npy = hiddenStates.resolve(Rollout.hiddenStatesFileName(id, sample));
            RankDynamics m = ResponseRank.measure(read(npy), rank);
            return ResponseMetrics.of(id, sample, tokens, logProbs, m.er(), m.erv(), m.ervMeasured());
        }
        if (!o.path("er").isNumber()) throw new IllegalArgumentException("'er' missing (or pass the hidden states)");
        boolean measured = o.path("erv").isNumber() && o.path("erv_measured").asBoolean(true);
        return ResponseMetrics.of(id, sample, tokens, logProbs, o.get("er").asDouble(),
                measured ? o.get("erv").asDouble() : 0, measured);
    }

    private static HiddenStates read(Path npy) throws IOException {
        if (!Files.isRegularFile(npy)) throw new IllegalArgumentException("hidden states " + npy + " not found");
        try (NpyFile f = NpyFile.open(npy)) {
            long[] shape = f.header().shape();
            if (shape.length != 2) throw new IllegalArgumentException(npy + ": expected T×d, got " + shape.length + " dimensions");
            return new HiddenStates((int) shape[0], (int) shape[1], f.readDoubles());
        }
    }

    private static int[] ints(JsonNode o, String field) {
        JsonNode a = array(o, field);
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).canConvertToInt()) throw new IllegalArgumentException("'" + field + "'[" + i + "] is not an integer");
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static double[] doubles(JsonNode o, String field) {
        JsonNode a = array(o, field);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).isNumber()) throw new IllegalArgumentException("'" + field + "'[" + i + "] is not a number");
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode a = o.get(field);
        if (a == null || !a.isArray()) throw new IllegalArgumentException("'" + field + "' missing or not an array");
        return a;
    }
}

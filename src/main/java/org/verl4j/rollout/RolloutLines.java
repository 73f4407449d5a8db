package org.verl4j.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import org.verl4j.rank.RankDynamics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The output of {@code verl4j generate}: one JSON line per response — {@code id, sample, text, token_ids, logprobs,
 * finish_reason, er, erv, era, erv_measured, era_measured} (the rank values as {@code verl4j metrics} writes them) —
 * and optionally each response's hidden states as {@code DIR/<id>-<sample>.npy} ({@link Rollout#hiddenStatesFileName};
 * T×d float32, the rows of ALGORITHM.md §1), which {@code verl4j analyze} reads back.
 */
public final class RolloutLines {

    private RolloutLines() {
    }

    /**
     * Writes the lines of {@code rollouts} to {@code out}, text decoded by {@code tokenizer} without a final EOS; with
     * {@code hiddenStates} present (the rollouts must keep Z: {@link EngineOptions.Retention#KEEP}) also each
     * response's .npy, the directory created if missing.
     */
    public static void write(List<Rollout> rollouts, Tokenizer tokenizer, int hiddenSize, Optional<Path> hiddenStates,
                             Writer out) throws IOException {
        if (hiddenStates.isPresent()) Files.createDirectories(hiddenStates.get());
        ObjectMapper json = new ObjectMapper();
        for (Rollout r : rollouts) {
            ObjectNode o = json.createObjectNode();
            o.put("id", r.promptId());
            o.put("sample", r.sample());
            o.put("text", tokenizer.decode(r.textTokenIds(tokenizer.eosIds())));
            var ids = o.putArray("token_ids");
            for (int id : r.tokenIds()) ids.add(id);
            var lp = o.putArray("logprobs");
            for (float v : r.logProbs()) lp.add(v);
            o.put("finish_reason", r.finishReason().label());
            RankDynamics m = r.metrics();
            o.put("er", m.er()).put("erv", m.erv()).put("era", m.era());
            o.put("erv_measured", m.ervMeasured()).put("era_measured", m.eraMeasured());
            out.write(json.writeValueAsString(o));
            out.write('\n');
            if (hiddenStates.isPresent()) writeNpy(r, hiddenSize, hiddenStates.get());
        }
    }

    private static void writeNpy(Rollout r, int d, Path dir) throws IOException {
        if (r.hiddenStates().length != r.length())
            throw new IllegalStateException("response " + r.promptId() + "/" + r.sample() + " kept no hidden states");
        double[] z = new double[r.length() * d];
        for (int t = 0; t < r.length(); t++) for (int j = 0; j < d; j++) z[t * d + j] = r.hiddenStates()[t][j];
        NpyWriter.writeDoubles(dir.resolve(Rollout.hiddenStatesFileName(r.promptId(), r.sample())), DType.F32,
                new long[]{r.length(), d}, z);
    }
}

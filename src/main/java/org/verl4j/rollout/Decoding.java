package org.verl4j.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * One {@link RolloutEngine#generate} call's decode loop: prefill, each response's first draw from its prompt's
 * logits, fan-out of the KV cache (prompt p's row repeated n times), then one token per row per step until every
 * response has ended. {@code rows} maps each batch row to its response; with compaction a response that ended
 * leaves the batch at the end of the step it ended in, otherwise it idles (fed padding, outputs ignored).
 * The batch never decodes a single row: ONNX Runtime's matrix product takes another path for one row, whose
 * float32 sums round differently (measured: a slice that ran down to one row drifted from the whole call at its
 * 15th token), so a prompt alone is prefilled beside an idle copy of itself, and the last open response keeps a
 * finished row idling beside it — a finished response's row, or, in a call of one response, an idle copy of its
 * prompt's row. With that and the whole call's prompt width
 * ({@link RolloutSource#generate(List, SamplingConfig, int)}), any slice gives the whole call's bits
 * ({@code RolloutConsistencyTest}) — with one ONNX Runtime intra-op thread: with more, ONNX Runtime splits the rows
 * between its threads by the batch's size, a thread's share can be one row, and a slice agrees with the whole call
 * to float32 round-off only.
 */
final class Decoding {

    private final RolloutEngine engine;
    private final KvBatch batch;
    private final List<Prompt> prompts;
    private final SamplingConfig sampling;
    private final List<Future<Rollout>> results;      // by response index, set as each ends
    private final Sampler sampler;
    private final int[] eos;
    private final int stopWindow;                            // tokens decoded when looking for a stop string
    private final int limit;                                 // new tokens allowed per response
    private final ResponseBuffer[] responses;
    private final Progress progress;
    private int finished;
    private long tokens;

    private final int width;                                 // prompts are left-padded to this many tokens
    private final int count;                                 // responses of the call (responses[] may hold one idle more)

    Decoding(RolloutEngine engine, KvBatch batch, List<Prompt> prompts, SamplingConfig sampling, List<Future<Rollout>> results,
             Progress progress, int minWidth) {
        this.progress = progress;
        this.engine = engine;
        this.batch = batch;
        this.prompts = prompts;
        this.sampling = sampling;
        this.results = results;
        this.sampler = new Sampler(sampling);
        this.eos = engine.tokenizer().eosIds();
        int longestStop = 0;
        for (String s : sampling.stop()) longestStop = Math.max(longestStop, s.length());
        this.stopWindow = longestStop + 4;
        this.width = Math.max(minWidth, Prompt.longest(prompts));
        this.limit = Math.min(sampling.maxNewTokens(), engine.config().maxPositionEmbeddings() - width);
        this.count = prompts.size() * sampling.n();
        this.responses = new ResponseBuffer[Math.max(count, 2)];
        for (int i = 0; i < responses.length; i++)
            responses[i] = new ResponseBuffer(prompts.get(Math.min(i / sampling.n(), prompts.size() - 1)), i % sampling.n(), i,
                    sampling.seed(), engine.config().hiddenSize(), limit);
        if (count == 1) responses[1].finish = FinishReason.STOP;          // the idle row of a one-response call
    }

    void run() {
        Prompt[] rowsOfPrompts = prompts.size() == 1                      // never a lone row: a copy of the prompt idles
                ? new Prompt[]{prompts.get(0), prompts.get(0)} : prompts.toArray(Prompt[]::new);
        KvBatch.Step prefill = batch.prefill(rowsOfPrompts, width);
        int n = sampling.n();
        List<Integer> rows = new ArrayList<>();
        float[][] logits = new float[count][], hidden = new float[count][];
        for (int r = 0; r < count; r++) {
            rows.add(r);
            logits[r] = prefill.logits()[r / n];
            hidden[r] = prefill.hidden()[r / n];
        }
        rows = kept(rows, advance(rows, logits, hidden));
        if (rows.isEmpty()) return;
        if (rows.size() == 1) rows.add(rows.get(0) == 0 ? 1 : 0);          // never a lone row: a finished one idles
        int[] fanOut = new int[rows.size()];
        for (int i = 0; i < fanOut.length; i++) fanOut[i] = Math.min(rows.get(i) / n, prompts.size() - 1);
        batch.select(fanOut);
        while (!rows.isEmpty()) {
            int[] next = new int[rows.size()];
            for (int row = 0; row < next.length; row++) {
                ResponseBuffer r = responses[rows.get(row)];
                next[row] = r.finish == null ? r.last() : engine.tokenizer().padId();
            }
            KvBatch.Step step = batch.decode(next);
            int[] keep = advance(rows, step.logits(), step.hidden());
            List<Integer> remaining = kept(rows, keep);
            if (!remaining.isEmpty() && remaining.size() < rows.size()) batch.select(keep);
            rows = remaining;
        }
    }

    /** Draws the next token of every unfinished row's response; returns the rows that stay in the batch. */
    private int[] advance(List<Integer> rows, float[][] logits, float[][] hidden) {
        int[] keep = new int[rows.size()];
        int kept = 0;
        boolean anyOpen = false;
        for (int row = 0; row < rows.size(); row++) {
            ResponseBuffer r = responses[rows.get(row)];
            if (r.finish == null) {
                r.append(sampler.next(logits[row], r.rng), hidden[row]);
                r.finish = finishReason(r);
                tokens++;
                if (r.finish != null) {
                    results.set(r.index, engine.finish(r));
                    finished++;
                }
            }
            anyOpen |= r.finish == null;
            if (r.finish == null || engine.options().compaction() == EngineOptions.Compaction.KEEP_ROWS) keep[kept++] = row;
        }
        progress.update(finished, count, tokens);
        if (anyOpen && kept == 1 && rows.size() >= 2) {          // never compact to one row: keep a finished one idling
            keep[kept++] = keep[0] == 0 ? 1 : 0;
            java.util.Arrays.sort(keep, 0, kept);
        }
        return anyOpen ? java.util.Arrays.copyOf(keep, kept) : new int[0];
    }

    private static List<Integer> kept(List<Integer> rows, int[] keep) {
        List<Integer> out = new ArrayList<>(keep.length);
        for (int k : keep) out.add(rows.get(k));
        return out;
    }

    private FinishReason finishReason(ResponseBuffer r) {
        int last = r.last();
        for (int e : eos) if (last == e) return FinishReason.STOP;
        if (!sampling.stop().isEmpty()) {
            String tail = engine.tokenizer().decode(r.tail(stopWindow));
            for (String s : sampling.stop()) if (tail.contains(s)) return FinishReason.STOP;
        }
        return r.length() >= limit ? FinishReason.LENGTH : null;
    }
}

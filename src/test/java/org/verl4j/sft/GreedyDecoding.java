package org.verl4j.sft;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.GenerationSession;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Greedy decoding with the KV cache ({@link GenerationSession}), the independent check of SFT models: prompts
 * chars · S left-padded in batches, argmax token each step (ties: lowest id), a row stops at its first E or after
 * {@code maxNewTokens}; the response text is the tokens before E ({@link CharTokenizer#decodeResponse}).
 */
final class GreedyDecoding {

    private GreedyDecoding() {
    }

    /** Greedy responses to {@code problems}, in order. */
    static List<String> responses(DecoderWeights weights, CharTokenizer tokenizer, List<Problem> problems,
                                  int batchSize, int maxNewTokens, OrtRunner.Options options) {
        byte[] graph = OnnxWriter.write(GenerationGraph.generation(weights, ElementType.FLOAT, Set.of()));
        List<String> out = new ArrayList<>();
        for (int from = 0; from < problems.size(); from += batchSize) {
            List<Problem> batch = problems.subList(from, Math.min(problems.size(), from + batchSize));
            try (GenerationSession session = new GenerationSession(graph, weights.config(), options)) {
                out.addAll(decode(session, tokenizer, batch, maxNewTokens));
            }
        }
        return out;
    }

    /** Fraction of {@code problems} whose greedy response the task verifies as correct. */
    static double passAtOne(ReasoningTask task, List<Problem> problems, List<String> responses) {
        int correct = 0;
        for (int i = 0; i < problems.size(); i++) if (task.verify(problems.get(i), responses.get(i)).correct()) correct++;
        return (double) correct / problems.size();
    }

    private static List<String> decode(GenerationSession session, CharTokenizer tokenizer, List<Problem> batch, int max) {
        int b = batch.size(), p = 0;
        int[][] prompts = new int[b][];
        for (int i = 0; i < b; i++) {
            prompts[i] = tokenizer.encodePrompt(batch.get(i).prompt());
            p = Math.max(p, prompts[i].length);
        }
        int[][] ids = new int[b][p], mask = new int[b][p];
        for (int i = 0; i < b; i++) {
            int pad = p - prompts[i].length;
            Arrays.fill(ids[i], 0, pad, CharTokenizer.PAD);
            System.arraycopy(prompts[i], 0, ids[i], pad, prompts[i].length);
            Arrays.fill(mask[i], pad, p, 1);
        }
        int[][] generated = new int[b][max];
        int[] length = new int[b];
        boolean[] done = new boolean[b];
        GenerationSession.Step step = session.prefill(ids, mask);
        for (int t = 0; t < max; t++) {
            int[] next = new int[b];
            boolean all = true;
            for (int i = 0; i < b; i++) {
                next[i] = done[i] ? CharTokenizer.PAD : argmax(step.logits()[i]);
                if (!done[i]) {
                    generated[i][length[i]++] = next[i];
                    done[i] = next[i] == CharTokenizer.EOS;
                }
                all &= done[i];
            }
            if (all || t == max - 1) break;
            step = session.decode(next);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b; i++) out.add(tokenizer.decodeResponse(Arrays.copyOf(generated[i], length[i])));
        return out;
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}

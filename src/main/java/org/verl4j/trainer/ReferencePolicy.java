package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.PolicyGraph;
import org.verl4j.model.Positions;

/**
 * log π_ref(y_t) of responses under the initial policy θ₀ (the KL-in-loss reference, ALGORITHM.md §8), through the
 * log-prob graph ({@link PolicyGraph}) with θ₀ as its input. Rows are {@code [prompt left-padded, response
 * right-padded]}; column c of {@code logp} scores token c+1, so response token t of a row whose prompt part has
 * width P sits at column P + t − 1.
 */
final class ReferencePolicy implements AutoCloseable {

    private static final String LOGP = "ref_logp";
    private final OrtRunner runner;
    private final HostTensor theta;

    ReferencePolicy(ModelConfig config, double[] theta0, OrtRunner.Options options) {
        GraphBuilder g = new GraphBuilder("reference_logprobs");
        PolicyGraph p = PolicyGraph.build(g, config, ElementType.FLOAT);
        g.output(LOGP, p.tokens().logp());
        this.runner = new OrtRunner(g.build(), options);
        this.theta = HostTensor.ofFloating(ElementType.FLOAT, new long[]{theta0.length}, theta0);
    }

    /** log π_ref of each response's tokens, in chunks of {@code chunk} rows. */
    double[][] logProbs(Sequences sequences, int chunk) {
        int[][] responses = sequences.responses();
        double[][] out = new double[responses.length][];
        for (int start = 0; start < responses.length; start += chunk)
            run(sequences.prompts(), responses, sequences.padId(), start, Math.min(responses.length, start + chunk), out);
        return out;
    }

    private void run(int[][] prompts, int[][] responses, int padId, int from, int to, double[][] out) {
        int b = to - from, p = 0, r = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, prompts[i].length);
            r = Math.max(r, responses[i].length);
        }
        int s = p + r;
        long[] ids = new long[b * s], mask = new long[b * s], positions = new long[b * s];
        for (int row = 0; row < b; row++) {
            int[] prompt = prompts[from + row], response = responses[from + row];
            int pad = p - prompt.length;
            int[] m = new int[s];
            for (int c = 0; c < s; c++) {
                boolean inPrompt = c < p, valid = inPrompt ? c >= pad : c - p < response.length;
                ids[row * s + c] = !valid ? padId : inPrompt ? prompt[c - pad] : response[c - p];
                m[c] = valid ? 1 : 0;
            }
            int[] pos = Positions.fromMask(m);
            for (int c = 0; c < s; c++) {
                mask[row * s + c] = m[c];
                positions[row * s + c] = pos[c];
            }
        }
        long[] shape = {b, s};
        var feed = new java.util.HashMap<String, HostTensor>();
        feed.put(PolicyGraph.THETA, theta);
        feed.put(GenerationGraph.IDS, HostTensor.ofLongs(shape, ids));
        feed.put(GenerationGraph.MASK, HostTensor.ofLongs(shape, mask));
        feed.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(shape, positions));
        double[] logp = runner.run(feed).get(LOGP).doubles();                    // [b, s − 1]
        for (int row = 0; row < b; row++) {
            int t = responses[from + row].length;
            out[from + row] = new double[t];
            for (int k = 0; k < t; k++) out[from + row][k] = logp[row * (s - 1) + p + k - 1];
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}

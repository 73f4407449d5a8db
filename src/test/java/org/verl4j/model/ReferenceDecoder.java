package org.verl4j.model;

/**
 * The test oracle: a Llama/Qwen2 forward in plain double loops, written line by line from Hugging Face's
 * {@code modeling_llama.py} / {@code modeling_qwen2.py} (eager attention). Slow and obvious on purpose.
 * <pre>
 *   x₀ = E[ids]
 *   per layer:  h = x + o_proj(Attn(RoPE(q_proj(n₁)), RoPE(k_proj(n₁)), v_proj(n₁))),  n₁ = RMSNorm(x; w_in)
 *               x = h + down(silu(gate(n₂)) ⊙ up(n₂)),                               n₂ = RMSNorm(h; w_post)
 *   z = RMSNorm(x; w_norm)   (the final-norm hidden state, ALGORITHM.md §1),   logits = z W_lmᵀ
 *   RMSNorm(x; w) = w ⊙ x / sqrt(mean(x²) + ε)
 *   RoPE: inv_freq_i = θ^(−2i/D), i &lt; D/2;  emb = [pos·inv_freq, pos·inv_freq];
 *         q' = q·cos(emb) + rotate_half(q)·sin(emb),  rotate_half([x₁, x₂]) = [−x₂, x₁]
 *   Attn: head h reads key/value head h / (H/H_kv) (repeat_kv); key j is visible to query t iff j ≤ t and
 *         mask[j] = 1; softmax(q·k/√D) over visible keys. A query with no visible key outputs 0 (never compared).
 * </pre>
 */
final class ReferenceDecoder {

    /** logits [B][S][V] and final-norm hidden states [B][S][d]. */
    record Output(double[][][] logits, double[][][] hidden) {
    }

    private final DecoderWeights w;
    private final ModelConfig c;

    ReferenceDecoder(DecoderWeights weights) {
        this.w = weights;
        this.c = weights.config();
    }

    /** HF generate's position ids: cumsum(mask) − 1, padded slots set to 1. */
    static int[][] positionsFromMask(int[][] mask) {
        int[][] pos = new int[mask.length][];
        for (int b = 0; b < mask.length; b++) {
            pos[b] = new int[mask[b].length];
            int seen = 0;
            for (int t = 0; t < mask[b].length; t++) {
                seen += mask[b][t];
                pos[b][t] = mask[b][t] == 0 ? 1 : seen - 1;
            }
        }
        return pos;
    }

    Output forward(int[][] ids, int[][] mask, int[][] positions) {
        int batch = ids.length;
        double[][][] logits = new double[batch][][], hidden = new double[batch][][];
        for (int b = 0; b < batch; b++) {
            hidden[b] = sequence(ids[b], mask[b], positions[b]);
            logits[b] = linear(hidden[b], w.lmHead(), null, c.vocabSize());
        }
        return new Output(logits, hidden);
    }

    private double[][] sequence(int[] ids, int[] mask, int[] pos) {
        int s = ids.length, d = c.hiddenSize();
        float[] embed = w.get(WeightLayout.EMBED);
        double[][] x = new double[s][d];
        for (int t = 0; t < s; t++) for (int j = 0; j < d; j++) x[t][j] = embed[ids[t] * d + j];
        for (int l = 0; l < c.numLayers(); l++) {
            double[][] n1 = rmsNorm(x, w.get(WeightLayout.layer(l, "input_layernorm.weight")));
            add(x, attention(l, n1, mask, pos));
            double[][] n2 = rmsNorm(x, w.get(WeightLayout.layer(l, "post_attention_layernorm.weight")));
            add(x, mlp(l, n2));
        }
        return rmsNorm(x, w.get(WeightLayout.FINAL_NORM));
    }

    private double[][] attention(int l, double[][] x, int[] mask, int[] pos) {
        int s = x.length, heads = c.numHeads(), kvHeads = c.numKvHeads(), dh = c.headDim();
        double[][] q = proj(l, "self_attn.q_proj", x, heads * dh, c.qkvBias());
        double[][] k = proj(l, "self_attn.k_proj", x, kvHeads * dh, c.qkvBias());
        double[][] v = proj(l, "self_attn.v_proj", x, kvHeads * dh, c.qkvBias());
        for (int t = 0; t < s; t++) {
            for (int h = 0; h < heads; h++) rope(q[t], h * dh, pos[t]);
            for (int h = 0; h < kvHeads; h++) rope(k[t], h * dh, pos[t]);
        }
        double[][] out = new double[s][heads * dh];
        double scale = 1.0 / Math.sqrt(dh);
        for (int h = 0; h < heads; h++) {
            int g = h / c.groupSize();                                   // repeat_kv
            for (int t = 0; t < s; t++) {
                double[] score = new double[s];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= t; j++) {
                    if (mask[j] == 0) continue;
                    double dot = 0;
                    for (int i = 0; i < dh; i++) dot += q[t][h * dh + i] * k[j][g * dh + i];
                    score[j] = dot * scale;
                    max = Math.max(max, score[j]);
                }
                if (max == Double.NEGATIVE_INFINITY) continue;           // no visible key
                double sum = 0;
                for (int j = 0; j <= t; j++) if (mask[j] != 0) sum += score[j] = Math.exp(score[j] - max);
                for (int j = 0; j <= t; j++) {
                    if (mask[j] == 0) continue;
                    double p = score[j] / sum;
                    for (int i = 0; i < dh; i++) out[t][h * dh + i] += p * v[j][g * dh + i];
                }
            }
        }
        return proj(l, "self_attn.o_proj", out, c.hiddenSize(), c.outputBias());
    }

    /** In place on {@code x[at … at+D)}: x·cos + rotate_half(x)·sin. */
    private void rope(double[] x, int at, int position) {
        int dh = c.headDim(), half = dh / 2;
        for (int i = 0; i < half; i++) {
            double invFreq = 1.0 / Math.pow(c.ropeTheta(), (2.0 * i) / dh);
            double angle = position * invFreq, cos = Math.cos(angle), sin = Math.sin(angle);
            double x1 = x[at + i], x2 = x[at + half + i];
            x[at + i] = x1 * cos - x2 * sin;                              // first half: rotate_half = −x₂
            x[at + half + i] = x2 * cos + x1 * sin;                       // second half: rotate_half = x₁
        }
    }

    private double[][] mlp(int l, double[][] x) {
        int ff = c.intermediateSize();
        double[][] gate = proj(l, "mlp.gate_proj", x, ff, false), up = proj(l, "mlp.up_proj", x, ff, false);
        for (int t = 0; t < x.length; t++)
            for (int i = 0; i < ff; i++) gate[t][i] = gate[t][i] / (1 + Math.exp(-gate[t][i])) * up[t][i];
        return proj(l, "mlp.down_proj", gate, c.hiddenSize(), false);
    }

    private double[][] rmsNorm(double[][] x, float[] weight) {
        double[][] y = new double[x.length][x[0].length];
        for (int t = 0; t < x.length; t++) {
            double ms = 0;
            for (double v : x[t]) ms += v * v;
            double r = 1.0 / Math.sqrt(ms / x[t].length + c.rmsNormEps());
            for (int j = 0; j < x[t].length; j++) y[t][j] = weight[j] * (x[t][j] * r);
        }
        return y;
    }

    private double[][] proj(int l, String name, double[][] x, int out, boolean bias) {
        return linear(x, w.get(WeightLayout.layer(l, name + ".weight")),
                bias ? w.get(WeightLayout.layer(l, name + ".bias")) : null, out);
    }

    /** y = x Wᵀ + b with W [out, in] row-major. */
    static double[][] linear(double[][] x, float[] weight, float[] bias, int out) {
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int t = 0; t < x.length; t++)
            for (int o = 0; o < out; o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) sum += weight[o * in + i] * x[t][i];
                y[t][o] = sum;
            }
        return y;
    }

    private static void add(double[][] x, double[][] delta) {
        for (int t = 0; t < x.length; t++) for (int j = 0; j < x[t].length; j++) x[t][j] += delta[t][j];
    }
}

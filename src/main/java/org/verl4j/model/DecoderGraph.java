package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The Llama/Qwen2 decoder forward as ONNX ops, one method per block, node names after the symbols
 * ({@code layers.ℓ.q}, {@code layers.ℓ.scores}, …). The same code builds inference graphs (parameters as
 * initializers) and training graphs (parameters sliced from a flat θ), see {@link ParameterSource}.
 * <pre>
 *   x₀ = E[ids]                                                                     [B, S, d]
 *   per layer ℓ:  x ← x + Attn_ℓ(RMSNorm(x; w_in)),   x ← x + MLP_ℓ(RMSNorm(x; w_post))
 *   z = RMSNorm(x; w_norm)      (final-norm hidden state, ALGORITHM.md §1)                   [B, S, d]
 *   logits = z W_lmᵀ                                                                [B, S, V]
 * </pre>
 * Shapes: B batch, S new tokens, P cached tokens, T = P + S, H heads, H_kv key/value heads, r = H / H_kv, D head dim.
 */
public final class DecoderGraph {

    /** One layer's keys and values {@code [B, H_kv, P, D]} (RoPE already applied to the keys). */
    public record KvCache(Value key, Value value) {
    }

    /**
     * The forward's results.
     *
     * @param hidden       final-norm hidden states z [B, S, d]
     * @param present      per layer, the keys/values of all T positions [B, H_kv, T, D]
     * @param layerOutputs per layer, the residual stream after the block [B, S, d]
     */
    public record Forward(Value hidden, List<KvCache> present, List<Value> layerOutputs) {
    }

    private final GraphBuilder g;
    private final ModelConfig c;
    private final ParameterSource.Cache w;
    private final ElementType type;

    public DecoderGraph(GraphBuilder g, ModelConfig config, ParameterSource params) {
        this.g = g;
        this.c = config;
        this.w = new ParameterSource.Cache(params, g, config);
        this.type = params.type();
    }

    /**
     * The forward over {@code ids [B, S]} at {@code positions [B, S]} with {@code mask [B, T]} (1 = real token,
     * 0 = padding; covers cached and new positions) and {@code past} (one cache per layer, or null for none).
     */
    public Forward forward(Value ids, Value positions, Value mask, List<KvCache> past) {
        if (past != null && past.size() != c.numLayers())
            throw new IllegalArgumentException("need one KV cache per layer (" + c.numLayers() + "), got " + past.size());
        Value visible = AttentionMask.visible(g, ids, mask);
        Rope rope = Rope.of(g, positions, c, type);
        Value x = g.gather(w.get(WeightLayout.EMBED), ids, 0).named("x0");
        List<KvCache> present = new ArrayList<>();
        List<Value> layerOutputs = new ArrayList<>();
        for (int l = 0; l < c.numLayers(); l++) {
            String p = "layers." + l + ".";
            Value n1 = rmsNorm(x, WeightLayout.layer(l, "input_layernorm.weight"), p + "n1");
            AttentionOut attn = attention(l, n1, visible, rope, past == null ? null : past.get(l));
            present.add(attn.present());
            Value h = g.add(x, attn.out()).named(p + "h");
            Value n2 = rmsNorm(h, WeightLayout.layer(l, "post_attention_layernorm.weight"), p + "n2");
            x = g.add(h, mlp(l, n2)).named(p + "out");
            layerOutputs.add(x);
        }
        Value z = rmsNorm(x, WeightLayout.FINAL_NORM, "z");
        return new Forward(z, present, layerOutputs);
    }

    /** The LM head: {@code logits = z W_lmᵀ} [B, S, V], W_lm the embedding when tied. */
    public Value logits(Value z) {
        String lmHead = c.tieWordEmbeddings() ? WeightLayout.EMBED : WeightLayout.LM_HEAD;
        return g.matMul(z, g.transpose(w.get(lmHead), 1, 0)).named("logits");
    }

    /** The critic's value head (HF {@code ForTokenClassification}, one label): {@code v = z w_scoreᵀ + b} [B, S]. */
    public Value values(Value z) {
        Value v = g.add(g.matMul(z, g.transpose(w.get(WeightLayout.SCORE), 1, 0)), w.get(WeightLayout.SCORE_BIAS));
        return g.squeeze(v, -1).named("values");
    }

    private record AttentionOut(Value out, KvCache present) {
    }

    /**
     * Grouped-query attention (HF {@code LlamaAttention}, eager; repeat_kv done by broadcasting):
     * <pre>
     *   q = RoPE(x W_qᵀ + b_q) → [B, H_kv, r, S, D],  k = RoPE(x W_kᵀ + b_k), v = x W_vᵀ + b_v → [B, H_kv, S, D]
     *   K = [K_past, k], V = [V_past, v]                                                   [B, H_kv, T, D]
     *   A = softmax(where(visible, q Kᵀ / √D, −1e9))                                       [B, H_kv, r, S, T]
     *   out = (A V → [B, S, H·D]) W_oᵀ + b_o
     * </pre>
     */
    private AttentionOut attention(int l, Value x, Value visible, Rope rope, KvCache past) {
        String p = "layers." + l + ".";
        int kvHeads = c.numKvHeads(), r = c.groupSize(), dh = c.headDim();
        Value q = linear(x, l, "self_attn.q_proj", c.qkvBias());
        q = g.transpose(g.reshape(q, 0, 0, kvHeads, r, dh), 0, 2, 3, 1, 4);            // [B, H_kv, r, S, D]
        q = rope.apply(g, q, 2).named(p + "q");
        Value k = g.transpose(g.reshape(linear(x, l, "self_attn.k_proj", c.qkvBias()), 0, 0, kvHeads, dh), 0, 2, 1, 3);
        k = rope.apply(g, k, 1);                                                         // [B, H_kv, S, D]
        Value v = g.transpose(g.reshape(linear(x, l, "self_attn.v_proj", c.qkvBias()), 0, 0, kvHeads, dh), 0, 2, 1, 3);
        Value keys = (past == null ? k : g.concat(2, past.key(), k)).named(p + "K");     // [B, H_kv, T, D]
        Value values = (past == null ? v : g.concat(2, past.value(), v)).named(p + "V");
        Value kT = g.transpose(g.unsqueeze(keys, 2), 0, 1, 2, 4, 3);                     // [B, H_kv, 1, D, T]
        Value scores = g.mul(g.matMul(q, kT), g.scalar(1.0 / Math.sqrt(dh), type));
        scores = g.where(visible, scores, g.scalar(AttentionMask.HIDDEN, type)).named(p + "scores");   // [B, H_kv, r, S, T]
        Value a = g.softmax(scores, -1).named(p + "A");
        Value ctx = g.matMul(a, g.unsqueeze(values, 2));                                 // [B, H_kv, r, S, D]
        ctx = g.reshape(g.transpose(ctx, 0, 3, 1, 2, 4), 0, 0, (long) c.numHeads() * dh).named(p + "ctx");
        Value out = linear(ctx, l, "self_attn.o_proj", c.outputBias()).named(p + "attn");
        return new AttentionOut(out, new KvCache(keys, values));
    }

    /** SwiGLU (HF {@code LlamaMLP}): {@code down(silu(gate(x)) ⊙ up(x))}, {@code silu(a) = a·σ(a)}. */
    private Value mlp(int l, Value x) {
        String p = "layers." + l + ".";
        Value gate = linear(x, l, "mlp.gate_proj", false).named(p + "gate");
        Value up = linear(x, l, "mlp.up_proj", false).named(p + "up");
        Value silu = g.mul(gate, g.sigmoid(gate)).named(p + "silu");
        return linear(g.mul(silu, up), l, "mlp.down_proj", false).named(p + "mlp");
    }

    /** {@code RMSNorm(x; w) = w ⊙ x / √(mean(x², last axis) + ε)}. */
    private Value rmsNorm(Value x, String weight, String name) {
        Value meanSquare = g.reduceMean(g.mul(x, x), true, -1);
        Value rms = g.sqrt(g.add(meanSquare, g.scalar(c.rmsNormEps(), type)));
        return g.mul(g.div(x, rms), w.get(weight)).named(name);
    }

    /** {@code y = x Wᵀ + b} for {@code torch.nn.Linear} weights {@code W [out, in]}. */
    private Value linear(Value x, int l, String name, boolean bias) {
        Value y = g.matMul(x, g.transpose(w.get(WeightLayout.layer(l, name + ".weight")), 1, 0));
        return bias ? g.add(y, w.get(WeightLayout.layer(l, name + ".bias"))) : y;
    }
}

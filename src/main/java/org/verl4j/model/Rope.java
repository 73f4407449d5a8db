package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.TensorData;
import org.verl4j.graph.Value;

/**
 * Rotary position embedding in Hugging Face's {@code rotate_half} convention (LlamaRotaryEmbedding,
 * {@code apply_rotary_pos_emb}):
 * <pre>
 *   inv_freq_i = θ^(−2i/D),  i = 0 … D/2 − 1          (computed in double here, stored in the graph's type)
 *   emb[b,s]   = [pos[b,s]·inv_freq, pos[b,s]·inv_freq]                     [B, S, D]
 *   RoPE(x)    = x ⊙ cos(emb) + rotate_half(x) ⊙ sin(emb),  rotate_half([x₁, x₂]) = [−x₂, x₁]
 * </pre>
 */
final class Rope {

    final Value cos;   // [B, S, D]
    final Value sin;   // [B, S, D]
    private final int headDim;
    private final java.util.Map<Integer, Value[]> broadcast = new java.util.HashMap<>();   // head axes → {cos, sin}

    private Rope(Value cos, Value sin, int headDim) {
        this.cos = cos;
        this.sin = sin;
        this.headDim = headDim;
    }

    /**
     * cos(emb) and sin(emb) for {@code positions [B, S]} (INT64). FLOAT graphs compute them in the graph (as HF does
     * in float32); DOUBLE graphs gather them from a table over {@code [0, max_position_embeddings)} computed in
     * Java, because ONNX Runtime has no double Cos/Sin kernels.
     */
    static Rope of(GraphBuilder g, Value positions, ModelConfig c, ElementType type) {
        int headDim = c.headDim(), half = headDim / 2;
        double[] invFreq = new double[headDim];
        for (int i = 0; i < half; i++) invFreq[i] = invFreq[half + i] = Math.pow(c.ropeTheta(), -2.0 * i / headDim);
        if (type == ElementType.DOUBLE) return table(g, positions, invFreq, c.maxPositionEmbeddings());
        Value inv = g.constant(TensorData.ofFloats(new long[]{headDim}, toFloats(invFreq))).named("inv_freq");
        Value pos = g.unsqueeze(g.cast(positions, type), -1);                  // [B, S, 1]
        Value emb = g.mul(pos, inv).named("rope_emb");                          // [B, S, D]
        return new Rope(g.cos(emb).named("rope_cos"), g.sin(emb).named("rope_sin"), headDim);
    }

    private static Rope table(GraphBuilder g, Value positions, double[] invFreq, int maxPositions) {
        int headDim = invFreq.length;
        double[] cos = new double[maxPositions * headDim], sin = new double[maxPositions * headDim];
        for (int p = 0; p < maxPositions; p++)
            for (int i = 0; i < headDim; i++) {
                cos[p * headDim + i] = Math.cos(p * invFreq[i]);
                sin[p * headDim + i] = Math.sin(p * invFreq[i]);
            }
        long[] dims = {maxPositions, headDim};
        Value cosTable = g.constant(TensorData.ofDoubles(dims, cos)).named("rope_cos_table");
        Value sinTable = g.constant(TensorData.ofDoubles(dims, sin)).named("rope_sin_table");
        return new Rope(g.gather(cosTable, positions, 0).named("rope_cos"),
                g.gather(sinTable, positions, 0).named("rope_sin"), headDim);
    }

    /**
     * RoPE of {@code x [B, …, S, D]}; {@code headAxes} singleton axes are inserted after B so cos/sin broadcast
     * over the head axes of x.
     */
    Value apply(GraphBuilder g, Value x, int headAxes) {
        Value[] cs = broadcast.computeIfAbsent(headAxes, n -> {
            long[] axes = new long[n];
            for (int i = 0; i < n; i++) axes[i] = 1 + i;
            return new Value[]{g.unsqueeze(cos, axes), g.unsqueeze(sin, axes)};
        });
        Value c = cs[0], s = cs[1];
        int half = headDim / 2;
        Value x1 = g.slice(x, new long[]{0}, new long[]{half}, new long[]{-1});
        Value x2 = g.slice(x, new long[]{half}, new long[]{headDim}, new long[]{-1});
        Value rotated = g.concat(-1, g.neg(x2), x1);                            // rotate_half(x)
        return g.add(g.mul(x, c), g.mul(rotated, s));
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}

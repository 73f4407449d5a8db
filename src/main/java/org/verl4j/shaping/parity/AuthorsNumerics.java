package org.verl4j.shaping.parity;

import org.verl4j.shaping.AuxTerms;
import org.verl4j.shaping.ChannelWeights;
import org.verl4j.shaping.Hypothesis;
import org.verl4j.shaping.Numerics;
import org.verl4j.shaping.RankIndicators;
import org.verl4j.shaping.VerlAux;
import org.verl4j.shaping.VerlConfig;

/**
 * Bit-level emulation of the authors' reward manager arithmetic, for parity checks against
 * the values their code produced (RewardGoldenTest): select it with {@code VerlConfig.withNumerics(AuthorsNumerics.BF16)}. Not the
 * definition — {@link VerlAux} is; this mirrors where the authors' tensors live in bfloat16 and which ops run in
 * float32:
 *
 * <pre>
 * storage     ERA, ERV float32;  ER bfloat16;  reward tensor bfloat16
 * dev (f32)   f32(x − f32(m)) / f32(|m| + ε)                          Python scalars cast to the tensor dtype
 * dev (bf16)  bf16(bf16(x − bf16(m)) / bf16(|m| + ε))                 each bf16 op computed in float, rounded
 * λ           1 / (1 + exp(−g·dev))  in float32 (exp, add, divide each rounded)
 * term_k      tanh(dev_k) [in x_k's dtype] · w_k  → float32;  Σ from 0 in order ERA, ERV, ER;  aux = Σ · f32(P)
 * reward      last = bf16(bf16(score) + aux);  the stored (entered) aux = bf16(last − bf16(score))
 * mean score  reward_tensor.sum(-1).float().mean(): bf16 scores, float32 sum in order, float32 divide
 * </pre>
 * float32 transcendental functions are Java's double versions rounded to float; the golden cases agree with
 * that bit for bit (PyTorch's own may differ by an ulp on other inputs). GRPO and shaping in bf16: {@link AuthorsGrpo}.
 */
public enum AuthorsNumerics implements Numerics {
    BF16;

    @Override
    public AuxTerms aux(RankIndicators x, RankIndicators m, double p, VerlConfig c) {
        float devEra = deviationF32((float) x.era(), m.era());
        float devErv = deviationF32((float) x.erv(), m.erv());
        float devEr = deviationBf16(Bf16.round(x.er()), m.er());
        float lambda = switch (c.hypothesis()) {
            case PLAN_B -> {
                float z = (float) c.modulationGain() * devEra;
                float e = (float) Math.exp(-z);
                yield 1f / (1f + e);
            }
            case FIX_TWO -> 0.5f;
            case FIX_ONE -> 0f;
        };
        float[] w = new float[3];
        for (int k = 0; k < 3; k++) {
            float we = (float) c.explore().get(k), wx = (float) c.exploit().get(k);
            w[k] = c.hypothesis() == Hypothesis.FIX_ONE ? we + wx : lambda * we + (1f - lambda) * wx;
        }
        float tEra = (float) Math.tanh(devEra) * w[0];
        float tErv = (float) Math.tanh(devErv) * w[1];
        float tEr = Bf16.round((float) Math.tanh(devEr)) * w[2];
        float sum = 0f;
        sum += tEra;
        sum += tErv;
        sum += tEr;
        float aux = sum * (float) p;
        return new AuxTerms(new RankIndicators(devEra, devErv, devEr), lambda, new ChannelWeights(w[0], w[1], w[2]),
                new ChannelWeights(tEra, tErv, tEr), p, aux);
    }

    /** The stored aux: what the bf16 reward tensor carries. */
    @Override
    public double enteredAux(double score, AuxTerms terms) {
        return storedAux(score, terms.aux());
    }

    /** The authors' {@code reward_tensor_0.sum(-1).float().mean()}: bf16 scores, float32 sum in order. */
    @Override
    public double meanScore(double[] scores) {
        float sum = 0f;
        for (double v : scores) sum += Bf16.round(v);
        return sum / (float) scores.length;
    }

    /** "AUTHORS_BF16", as a printed configuration shows it. */
    @Override
    public String toString() {
        return "AUTHORS_BF16";
    }

    /** The reward tensor's last valid token with aux added: bf16(bf16(score) + aux). */
    public static float rewardWithAux(double score, double auxF32) {
        return Bf16.round(Bf16.round(score) + (float) auxF32);
    }

    /** The aux as stored: bf16(bf16(score + aux) − score), the difference the reward tensor carries. */
    public static float storedAux(double score, double auxF32) {
        return Bf16.round(rewardWithAux(score, auxF32) - Bf16.round(score));
    }

    private static float deviationF32(float x, double m) {
        float d = (x - (float) m) / (float) (Math.abs(m) + VerlAux.EPSILON);
        return Math.max((float) -VerlAux.CLAMP, Math.min((float) VerlAux.CLAMP, d));
    }

    private static float deviationBf16(float x, double m) {
        float diff = Bf16.round(x - Bf16.round(m));
        float d = Bf16.round(diff / Bf16.round(Math.abs(m) + VerlAux.EPSILON));
        return Math.max((float) -VerlAux.CLAMP, Math.min((float) VerlAux.CLAMP, d));
    }
}

package org.verl4j.shaping;

import org.verl4j.rl.GroupBaseline;
import org.verl4j.rl.TokenMask;

/**
 * Bit-level emulation of the authors' PyTorch arithmetic (their reward manager and GRPO), for parity checks
 * against {@code shared/golden/reward}. Not the definition — {@link VerlAux} and {@code org.verl4j.rl.Grpo}
 * are; this class mirrors where the authors' tensors live in bfloat16 and which ops run in float32:
 *
 * <pre>
 * storage     ERA, ERV float32;  ER bfloat16;  reward tensor and advantages bfloat16
 * dev (f32)   f32(x − f32(m)) / f32(|m| + ε)                          Python scalars cast to the tensor dtype
 * dev (bf16)  bf16(bf16(x − bf16(m)) / bf16(|m| + ε))                 each bf16 op computed in float, rounded
 * λ           1 / (1 + exp(−g·dev))  in float32 (exp, add, divide each rounded)
 * term_k      tanh(dev_k) [in x_k's dtype] · w_k  → float32;  Σ from 0 in order ERA, ERV, ER;  aux = Σ · f32(P)
 * reward      last = bf16(score + aux);  the stored aux = bf16(last − score)
 * GRPO        mean = bf16(bf16(Σ s)/n), std = bf16(Bessel std), A = bf16(bf16(s − mean)/bf16(std + bf16(1e-6)))
 *             group of one: A = bf16(f32(s)/f32(1 + 1e-6));   A[i][t] = A_i · mask (so −0.0 where masked)
 * shaping     bf16(A0 + min(relu(aux), bf16(|A0| / bf16(κ))))   on every position (−0.0 + 0 = +0.0)
 * </pre>
 * float32 transcendental functions are Java's double versions rounded to float; the golden cases agree with
 * that bit for bit (PyTorch's own may differ by an ulp on other inputs).
 */
public final class AuthorsNumerics {

    private AuthorsNumerics() {
    }

    /** The aux of one response with float32/bf16 intermediates (all values are floats widened to double). */
    public static AuxTerms aux(RankIndicators x, RankIndicators m, double p, VerlConfig c) {
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

    /** The reward tensor's last valid token with aux added: bf16(bf16(score) + aux). */
    public static float rewardWithAux(double score, double auxF32) {
        return Bf16.round(Bf16.round(score) + (float) auxF32);
    }

    /** The aux as stored: bf16(bf16(score + aux) − score), the difference the reward tensor carries. */
    public static float storedAux(double score, double auxF32) {
        return Bf16.round(rewardWithAux(score, auxF32) - Bf16.round(score));
    }

    /** GRPO per response on bf16 scores. */
    public static float[] grpo(double[] scores, int[] groupIds, double epsilon) {
        float[] s = new float[scores.length];
        for (int i = 0; i < s.length; i++) s[i] = Bf16.round(scores[i]);
        float[] a = new float[s.length];
        for (int[] g : GroupBaseline.groups(groupIds)) {
            if (g.length == 1) {
                a[g[0]] = Bf16.round((s[g[0]] - 0f) / (1f + (float) epsilon));
                continue;
            }
            float sum = 0f;
            for (int i : g) sum += s[i];
            float mean = Bf16.round(Bf16.round(sum) / (float) g.length);
            double exactMean = 0;
            for (int i : g) exactMean += s[i];
            exactMean /= g.length;
            double ss = 0;
            for (int i : g) ss += (s[i] - exactMean) * (s[i] - exactMean);
            float std = Bf16.round(Math.sqrt(ss / (g.length - 1)));
            float den = Bf16.round(std + Bf16.round(epsilon));
            for (int i : g) a[i] = Bf16.round(Bf16.round(s[i] - mean) / den);
        }
        return a;
    }

    /** A[i][t] = A_i · mask[i][t] in bf16 (−0.0 at masked positions of negative advantages). */
    public static double[][] broadcast(float[] perResponse, boolean[][] mask) {
        double[][] out = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) out[i][t] = perResponse[i] * (mask[i][t] ? 1f : 0f);
        return out;
    }

    /** Shaping in bf16 with the stored aux at the last valid token (the authors' placement). */
    public static double[][] shape(double[][] a0, boolean[][] mask, float[] storedAux, double kappa) {
        float k = Bf16.round(kappa);
        double[][] out = new double[a0.length][a0[0].length];
        for (int i = 0; i < a0.length; i++) {
            int last = TokenMask.lastValid(mask[i]);
            for (int t = 0; t < a0[i].length; t++) {
                float a = (float) a0[i][t];
                float aux = t == last ? storedAux[i] : 0f;
                float bonus = Math.min(Math.max(aux, 0f), Bf16.round(Math.abs(a) / k));
                out[i][t] = Bf16.round(a + bonus);
            }
        }
        return out;
    }

    private static float deviationF32(float x, double m) {
        float d = (x - (float) m) / (float) (Math.abs(m) + VerlAux.EPSILON);
        return Math.max(-5f, Math.min(5f, d));
    }

    private static float deviationBf16(float x, double m) {
        float diff = Bf16.round(x - Bf16.round(m));
        float d = Bf16.round(diff / Bf16.round(Math.abs(m) + VerlAux.EPSILON));
        return Math.max(-5f, Math.min(5f, d));
    }
}

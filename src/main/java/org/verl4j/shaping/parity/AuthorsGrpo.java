package org.verl4j.shaping.parity;

import org.verl4j.rl.GroupBaseline;
import org.verl4j.rl.TokenMask;

/**
 * The authors' GRPO, broadcast and shaping in bfloat16, bit for bit (parity with the values their reward manager
 * produced, RewardGoldenTest; the definitions are {@code org.verl4j.rl.Grpo} and {@code org.verl4j.shaping.AdvantageShaping}):
 *
 * <pre>
 * GRPO        mean = bf16(bf16(Σ s)/n), std = bf16(Bessel std), A = bf16(bf16(s − mean)/bf16(std + bf16(ε)))
 *             group of one: A = bf16(f32(s)/f32(1 + ε));   A[i][t] = A_i · mask (so −0.0 where masked)
 * shaping     bf16(A0 + min(relu(aux), bf16(|A0| / bf16(κ))))   on every position (−0.0 + 0 = +0.0)
 * </pre>
 */
public final class AuthorsGrpo {

    private AuthorsGrpo() {
    }

    /** GRPO per response on bf16 scores. */
    public static float[] perResponse(double[] scores, int[] groupIds, double epsilon) {
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
}

package org.verl4j.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.verl4j.shaping.parity.AuthorsGrpo;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * verl's {@code compute_grpo_outcome_advantage} run by the golden generator (shared/golden/reward/grpo_cases.json):
 * float64 to 1e-12 (from the float32-rounded scores, as the generator did), the float32 run within float32 rounding of O(1) values (1e-6 absolute), the bf16 run bit for bit.
 */
class GrpoGoldenTest {

    @Test
    void grpoMatchesTheReferenceRunsInEveryPrecision() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedDir.require("golden/reward/grpo_cases.json").toFile());
        int cases = 0;
        for (JsonNode c : root.get("cases")) {
            cases++;
            String id = c.get("id").asText();
            int n = c.get("scores").size(), length = c.get("response_len").asInt();
            double[] scores = new double[n];
            int[] groups = new int[n], lengths = new int[n];
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                scores[i] = c.get("scores").get(i).asDouble();
                groups[i] = ids.computeIfAbsent(c.get("uids").get(i).asText(), k -> ids.size());
                lengths[i] = c.get("valid_response_length").get(i).asInt();
            }
            boolean[][] mask = TokenMask.ofLengths(lengths, length);
            double[][] rewards = new double[n][length];
            for (int i = 0; i < n; i++) rewards[i][lengths[i] - 1] = c.get("scores_as_float32").get(i).asDouble();
            double eps = c.get("epsilon").asDouble();

            double[] f32Scores = new double[n];                       // the generator's float64 run starts from these
            for (int i = 0; i < n; i++) f32Scores[i] = c.get("scores_as_float32").get(i).asDouble();
            double[] a = new Grpo(eps).perResponse(f32Scores, groups);
            double[][] tokens = new Grpo(eps).estimate(TokenBatch.of(rewards, mask, groups)).advantages();
            float[] bf16 = AuthorsGrpo.perResponse(scores, groups, eps);
            double[][] bf16Tokens = AuthorsGrpo.broadcast(bf16, mask);
            for (int i = 0; i < n; i++) {
                assertThat(a[i]).as(id + " f64 " + i).isCloseTo(c.get("per_response_f64").get(i).asDouble(), within(1e-12));
                assertThat(Double.doubleToRawLongBits(bf16[i])).as(id + " bf16 " + i)
                        .isEqualTo(Double.doubleToRawLongBits(c.get("per_response_bfloat16").get(i).asDouble()));
                for (int t = 0; t < length; t++) {
                    double f32 = c.get("advantages_float32").get(i).get(t).asDouble();
                    assertThat(tokens[i][t]).as(id + " f32 [" + i + "][" + t + "]").isCloseTo(f32, within(1e-6));
                    assertThat(Double.doubleToRawLongBits(bf16Tokens[i][t])).as(id + " bf16 [" + i + "][" + t + "]")
                            .isEqualTo(Double.doubleToRawLongBits(c.get("advantages_bfloat16").get(i).get(t).asDouble()));
                }
            }
        }
        assertThat(cases).isEqualTo(3);
    }
}

package org.verl4j.shaping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code shared/golden/reward/reward_cases.json} (the authors' RewardManager + compute_advantage run
 * under PyTorch, see shared/golden/README.md) into plain Java values.
 */
final class RewardGolden {

    record Response(double score, int validLength, int group, RankIndicators x, JsonNode node) {
    }

    record Scenario(String id, VerlConfig config, ControllerState state, double scaling, int responseLength,
                    List<Response> responses, JsonNode node) {

        List<RankIndicators> indicators() {
            return responses.stream().map(Response::x).toList();
        }

        double[] scores() {
            return responses.stream().mapToDouble(Response::score).toArray();
        }

        int[] groups() {
            return responses.stream().mapToInt(Response::group).toArray();
        }

        boolean[][] mask() {
            boolean[][] m = new boolean[responses.size()][responseLength];
            for (int i = 0; i < m.length; i++) for (int t = 0; t < responses.get(i).validLength(); t++) m[i][t] = true;
            return m;
        }

        double[][] taskRewards() {
            double[][] r = new double[responses.size()][responseLength];
            for (int i = 0; i < r.length; i++) r[i][responses.get(i).validLength() - 1] = responses.get(i).score();
            return r;
        }
    }

    static List<Scenario> load() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedDir.require("golden/reward/reward_cases.json").toFile());
        List<String> names = new ArrayList<>();
        root.get("indicator_names").forEach(n -> names.add(n.asText()));
        List<Scenario> out = new ArrayList<>();
        for (JsonNode s : root.get("scenarios")) {
            JsonNode c = s.get("config");
            VerlConfig config = new VerlConfig(c.get("modulation_gain").asDouble(), c.get("ema_alpha").asDouble(),
                    c.get("aux_reward_global_weight").asDouble(),
                    c.get("aux_fix").asBoolean() ? VerlConfig.Scaling.FIXED : VerlConfig.Scaling.SCORE_EMA,
                    hypothesis(c.get("hypothesis_type").asText()), weights(c.get("weights")),
                    weights(c.get("weights_exploit")), c.get("kappa").asDouble(), VerlBonus.Placement.LAST_TOKEN,
                    VerlConfig.Target.ADVANTAGE, Numerics.FLOAT64);
            ControllerState state = new ControllerState(1, c.get("ema_performance_score").asDouble(),
                    indicators(s.get("mids_before"), names), indicators(s.get("metrics_old_means"), names));
            Map<String, Integer> groupIds = new HashMap<>();
            List<Response> responses = new ArrayList<>();
            for (JsonNode r : s.get("responses")) {
                JsonNode x = r.get("indicators_ERA_ERV_ER");
                responses.add(new Response(r.get("score").asDouble(), r.get("valid_response_length").asInt(),
                        groupIds.computeIfAbsent(r.get("uid").asText(), k -> groupIds.size()),
                        new RankIndicators(x.get(0).asDouble(), x.get(1).asDouble(), x.get(2).asDouble()), r));
            }
            out.add(new Scenario(s.get("id").asText(), config, state, s.get("performance_scaling_factor").asDouble(),
                    s.get("response_len").asInt(), responses, s));
        }
        return out;
    }

    static RankIndicators indicators(JsonNode byName, List<String> names) {
        return new RankIndicators(byName.get(names.get(0)).asDouble(), byName.get(names.get(1)).asDouble(),
                byName.get(names.get(2)).asDouble());
    }

    static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) d[i] = array.get(i).asDouble();
        return d;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) m[i] = doubles(rows.get(i));
        return m;
    }

    private static ChannelWeights weights(JsonNode w) {
        return new ChannelWeights(w.get(0).asDouble(), w.get(1).asDouble(), w.get(2).asDouble());
    }

    private static Hypothesis hypothesis(String name) {
        return switch (name) {
            case "PlanB" -> Hypothesis.PLAN_B;
            case "FixTwo" -> Hypothesis.FIX_TWO;
            case "FixOne" -> Hypothesis.FIX_ONE;
            default -> throw new IllegalArgumentException("unknown hypothesis_type " + name);
        };
    }
}

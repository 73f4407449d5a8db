package org.verl4j.trainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the {@code steps.jsonl} metrics (the ones verl/TRL users compare, plus VERL's own), and a builder
 * with the reductions they use. Means are over the step's responses unless the name says otherwise; "_correct" /
 * "_incorrect" split by the verifier's verdict (NaN — null in the file — when the split is empty).
 */
public final class StepMetrics {

    public static final String REWARD_MEAN = "reward/mean", REWARD_STD = "reward/std", ACCURACY = "reward/accuracy",
            ZERO_STD_GROUPS = "reward/zero_std_group_fraction";
    public static final String LENGTH_MEAN = "response/length_mean", LENGTH_MAX = "response/length_max",
            CLIP_RATIO = "response/clip_ratio";
    public static final String ENTROPY = "actor/entropy", KL = "actor/kl", PG_LOSS = "actor/pg_loss", LOSS = "actor/loss",
            PG_CLIPFRAC = "actor/pg_clipfrac", PG_CLIPFRAC_LOWER = "actor/pg_clipfrac_lower", PPO_KL = "actor/ppo_kl",
            GRAD_NORM = "actor/grad_norm", SKIPPED_UPDATES = "actor/skipped_updates", LR = "actor/lr",
            CRITIC_LOSS = "critic/loss", CRITIC_GRAD_NORM = "critic/grad_norm";
    public static final String LOGPROB_GAP = "rollout/train_logprob_gap";
    public static final String ER_MEAN = "rank/er_mean", ERV_MEAN = "rank/erv_mean", ERA_MEAN = "rank/era_mean";
    public static final String ER_CORRECT = "rank/er_correct", ER_INCORRECT = "rank/er_incorrect",
            ERV_CORRECT = "rank/erv_correct", ERV_INCORRECT = "rank/erv_incorrect",
            ERA_CORRECT = "rank/era_correct", ERA_INCORRECT = "rank/era_incorrect",
            ERV_MEASURED = "rank/erv_measured_fraction", ERA_MEASURED = "rank/era_measured_fraction",
            GLOBAL_ER = "rank/dataset_global_er", DATASET_ERV = "rank/dataset_erv", DATASET_ERA = "rank/dataset_era";
    public static final String AUX_MEAN = "verl/aux_mean", AUX_NONZERO = "verl/aux_nonzero_fraction",
            SHAPED_FRACTION = "verl/shaped_token_fraction", LAMBDA_MEAN = "verl/lambda_mean",
            EXPLORE_FRACTION = "verl/explore_fraction", GATE = "verl/gate_open", SCORE_EMA = "verl/score_ema",
            BASELINE_ERA = "verl/baseline_era", BASELINE_ERV = "verl/baseline_erv", BASELINE_ER = "verl/baseline_er";
    public static final String ADVANTAGE_ABS_MEAN = "advantage/abs_mean";
    public static final String TIME_GENERATE = "time/generate_s", TIME_METRICS = "time/metrics_s",
            TIME_METRICS_WAIT = "time/metrics_wait_s", TIME_METRICS_BATCH = "time/metrics_batch_s",
            TIME_REWARD = "time/reward_s", TIME_UPDATE = "time/update_s", TIME_STEP = "time/step_s";
    public static final String EVAL_PASS1 = "eval/pass@1";

    private final Map<String, Double> values = new LinkedHashMap<>();

    /** Puts one metric (NaN for undefined). */
    public StepMetrics put(String name, double value) {
        values.put(name, value);
        return this;
    }

    /** The record of step {@code step}. */
    public StepRecord build(int step) {
        return new StepRecord(step, values);
    }

    /** Plain mean; NaN for no values. */
    public static double mean(double[] x) {
        if (x.length == 0) return Double.NaN;
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Mean of x[i] over the i with {@code select[i] == want}; NaN when there is none. */
    public static double meanWhere(double[] x, boolean[] select, boolean want) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++)
            if (select[i] == want) {
                s += x[i];
                n++;
            }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Population standard deviation (divisor n), as verl logs critic/score std; NaN for no values. */
    public static double std(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return x.length == 0 ? Double.NaN : Math.sqrt(s / x.length);
    }
}

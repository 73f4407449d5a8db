package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.shaping.RankIndicators;
import org.verl4j.trainstep.LossScalars;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The {@code steps.jsonl} form of a {@link StepRecord}: the ONE place where the metric names (the ones verl/TRL users
 * compare, plus VERL's own) and their order are stated. A line is {@code {"step": u, name: value, …}} in the order
 * the columns are declared below; an undefined value (a split with no responses on one side, λ when VERL did not
 * apply) is {@code null}; the critic's columns are written only for ppo-gae and {@code eval/pass@1} only on a step
 * with a periodic evaluation. Reading a line back gives the same record, so a resumed log rewrites the same bytes.
 */
public final class StepJson {

    /** How a column holds a value that a step does not have. */
    public enum Presence {
        /** Every step has it. */
        ALWAYS,
        /** {@code null} when undefined. */
        NULLABLE,
        /** Left out of the line when the step has none. */
        OPTIONAL
    }

    /** One column: its name, how it is absent, and its value in a record (empty: undefined or absent). */
    public record Column(String name, Presence presence, Function<StepRecord, OptionalDouble> value) {
    }

    private static final List<Column> COLUMNS = new ArrayList<>();

    public static final Column REWARD_MEAN = always("reward/mean", r -> r.reward().mean()),
            REWARD_STD = always("reward/std", r -> r.reward().std()),
            ACCURACY = always("reward/accuracy", r -> r.reward().accuracy()),
            ZERO_STD_GROUPS = always("reward/zero_std_group_fraction", r -> r.reward().zeroStdGroupFraction()),
            LENGTH_MEAN = always("response/length_mean", r -> r.response().lengthMean()),
            LENGTH_MAX = always("response/length_max", r -> r.response().lengthMax()),
            CLIP_RATIO = always("response/clip_ratio", r -> r.response().clipRatio()),
            ENTROPY = always("actor/entropy", r -> r.actor().mean().entropy()),
            KL = always("actor/kl", r -> r.actor().mean().kl()),
            LOSS = always("actor/loss", r -> r.actor().mean().loss()),
            PG_LOSS = always("actor/pg_loss", r -> r.actor().mean().pgLoss()),
            PG_CLIPFRAC = always("actor/pg_clipfrac", r -> r.actor().mean().clipFraction()),
            PG_CLIPFRAC_LOWER = always("actor/pg_clipfrac_lower", r -> r.actor().mean().clipFractionLower()),
            PPO_KL = always("actor/ppo_kl", r -> r.actor().mean().ppoKl()),
            GRAD_NORM = always("actor/grad_norm", r -> r.actor().gradNorm()),
            LR = always("actor/lr", r -> r.actor().lr()),
            LOGPROB_GAP = always("rollout/train_logprob_gap", r -> r.actor().logProbGap()),
            TOKEN_ENTROPY = always("rollout/token_entropy", r -> r.response().tokenEntropy()),
            ER_MEAN = always("rank/er_mean", r -> r.rank().mean().er()),
            ERV_MEAN = always("rank/erv_mean", r -> r.rank().mean().erv()),
            ERA_MEAN = always("rank/era_mean", r -> r.rank().mean().era()),
            ER_CORRECT = nullable("rank/er_correct", r -> r.rank().er().correct()),
            ER_INCORRECT = nullable("rank/er_incorrect", r -> r.rank().er().incorrect()),
            ERV_CORRECT = nullable("rank/erv_correct", r -> r.rank().erv().correct()),
            ERV_INCORRECT = nullable("rank/erv_incorrect", r -> r.rank().erv().incorrect()),
            ERA_CORRECT = nullable("rank/era_correct", r -> r.rank().era().correct()),
            ERA_INCORRECT = nullable("rank/era_incorrect", r -> r.rank().era().incorrect()),
            ERV_MEASURED = always("rank/erv_measured_fraction", r -> r.rank().ervMeasured()),
            ERA_MEASURED = always("rank/era_measured_fraction", r -> r.rank().eraMeasured()),
            GLOBAL_ER = always("rank/dataset_global_er", r -> r.rank().datasetGlobalEr()),
            DATASET_ERV = always("rank/dataset_erv", r -> r.rank().datasetErv()),
            DATASET_ERA = always("rank/dataset_era", r -> r.rank().datasetEra()),
            AUX_MEAN = always("verl/aux_mean", r -> r.shaping().auxMean()),
            AUX_NONZERO = always("verl/aux_nonzero_fraction", r -> r.shaping().auxNonzeroFraction()),
            SHAPED_FRACTION = always("verl/shaped_token_fraction", r -> r.shaping().shapedTokenFraction()),
            LAMBDA_MEAN = nullable("verl/lambda_mean", r -> r.shaping().lambdaMean()),
            EXPLORE_FRACTION = nullable("verl/explore_fraction", r -> r.shaping().exploreFraction()),
            GATE = always("verl/gate_open", r -> r.shaping().gateOpen() ? 1 : 0),
            SCORE_EMA = always("verl/score_ema", r -> r.shaping().scoreEma()),
            BASELINE_ERA = always("verl/baseline_era", r -> r.shaping().baselines().era()),
            BASELINE_ERV = always("verl/baseline_erv", r -> r.shaping().baselines().erv()),
            BASELINE_ER = always("verl/baseline_er", r -> r.shaping().baselines().er()),
            ADVANTAGE_ABS_MEAN = always("advantage/abs_mean", r -> r.shaping().advantageAbsMean()),
            TIME_GENERATE = always("time/generate_s", r -> r.time().generate()),
            TIME_METRICS = always("time/metrics_s", r -> r.time().metrics()),
            TIME_METRICS_WAIT = always("time/metrics_wait_s", r -> r.time().metricsWait()),
            TIME_METRICS_BATCH = always("time/metrics_batch_s", r -> r.time().metricsBatch()),
            TIME_REWARD = always("time/reward_s", r -> r.time().reward()),
            TIME_UPDATE = always("time/update_s", r -> r.time().update()),
            TIME_STEP = always("time/step_s", r -> r.time().step()),
            CRITIC_LOSS = optional("critic/loss", r -> critic(r, StepRecord.CriticUpdate::loss)),
            CRITIC_GRAD_NORM = optional("critic/grad_norm", r -> critic(r, StepRecord.CriticUpdate::gradNorm)),
            EVAL_PASS1 = optional("eval/pass@1", StepRecord::evalPass1);

    private StepJson() {
    }

    /** Every column, in the order of a line. */
    public static List<Column> columns() {
        return List.copyOf(COLUMNS);
    }

    /** The JSON object of {@code r}; a value that is not finite where the column must have one is an error. */
    public static ObjectNode write(ObjectMapper json, StepRecord r) {
        ObjectNode o = json.createObjectNode();
        o.put("step", r.step());
        for (Column c : COLUMNS) {
            OptionalDouble v = c.value().apply(r);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) o.put(c.name(), v.getAsDouble());
            else if (v.isPresent())                                        // JSON has no NaN; a defined metric is finite
                throw new IllegalStateException("step " + r.step() + ": metric '" + c.name() + "' is " + v.getAsDouble());
            else if (c.presence() == Presence.NULLABLE) o.putNull(c.name());
        }
        return o;
    }

    /** Inverse of {@link #write}; a missing or ill-typed column is an error naming it and the step. */
    public static StepRecord read(JsonNode o) {
        Line l = new Line(o);
        LossScalars.Policy mean = new LossScalars.Policy(l.number(LOSS), l.number(PG_LOSS), l.number(PG_CLIPFRAC),
                l.number(PG_CLIPFRAC_LOWER), l.number(PPO_KL), l.number(ENTROPY), l.number(KL));
        return new StepRecord(l.step,
                new StepRecord.Rewards(l.number(REWARD_MEAN), l.number(REWARD_STD), l.number(ACCURACY), l.number(ZERO_STD_GROUPS)),
                new StepRecord.Responses(l.number(LENGTH_MEAN), (int) l.number(LENGTH_MAX), l.number(CLIP_RATIO),
                        l.number(TOKEN_ENTROPY)),
                new StepRecord.Update(mean, l.number(GRAD_NORM), l.number(LR), l.number(LOGPROB_GAP)),
                new StepRecord.Rank(new RankIndicators(l.number(ERA_MEAN), l.number(ERV_MEAN), l.number(ER_MEAN)),
                        l.split(ER_CORRECT, ER_INCORRECT), l.split(ERV_CORRECT, ERV_INCORRECT), l.split(ERA_CORRECT, ERA_INCORRECT),
                        l.number(ERV_MEASURED), l.number(ERA_MEASURED), l.number(GLOBAL_ER), l.number(DATASET_ERV),
                        l.number(DATASET_ERA)),
                new StepRecord.Shaping(l.number(AUX_MEAN), l.number(AUX_NONZERO), l.number(SHAPED_FRACTION),
                        l.value(LAMBDA_MEAN), l.value(EXPLORE_FRACTION), l.number(GATE) == 1, l.number(SCORE_EMA),
                        new RankIndicators(l.number(BASELINE_ERA), l.number(BASELINE_ERV), l.number(BASELINE_ER)),
                        l.number(ADVANTAGE_ABS_MEAN)),
                new StepRecord.Timings(l.number(TIME_GENERATE), l.number(TIME_METRICS), l.number(TIME_METRICS_WAIT),
                        l.number(TIME_METRICS_BATCH), l.number(TIME_REWARD), l.number(TIME_UPDATE), l.number(TIME_STEP)),
                l.value(CRITIC_LOSS).isPresent()
                        ? Optional.of(new StepRecord.CriticUpdate(l.number(CRITIC_LOSS), l.number(CRITIC_GRAD_NORM)))
                        : Optional.empty(),
                l.value(EVAL_PASS1));
    }

    /** One line being read. */
    private static final class Line {
        private final JsonNode o;
        private final int step;

        Line(JsonNode o) {
            if (!o.path("step").isInt()) throw new IllegalArgumentException("a steps.jsonl line without an integer 'step': " + o);
            this.o = o;
            this.step = o.get("step").asInt();
        }

        /** A column every line of this kind has. */
        double number(Column c) {
            return value(c).orElseThrow(() -> new IllegalArgumentException("steps.jsonl, step " + step + ": no value for '"
                    + c.name() + "'"));
        }

        /** A column's value: empty where it is null (NULLABLE) or left out (OPTIONAL), or where an ALWAYS one is missing. */
        OptionalDouble value(Column c) {
            JsonNode v = o.get(c.name());
            boolean missing = v == null, isNull = !missing && v.isNull();
            if (missing && c.presence() == Presence.NULLABLE || isNull && c.presence() == Presence.OPTIONAL)
                throw new IllegalArgumentException("steps.jsonl, step " + step + ": '" + c.name() + "' is "
                        + (missing ? "missing" : "null"));
            if (missing || isNull) return OptionalDouble.empty();
            if (!v.isNumber()) throw new IllegalArgumentException("steps.jsonl, step " + step + ": '" + c.name() + "' is " + v);
            return OptionalDouble.of(v.asDouble());
        }

        StepRecord.Split split(Column correct, Column incorrect) {
            return new StepRecord.Split(value(correct), value(incorrect));
        }
    }

    private static Column always(String name, ToDoubleFunction<StepRecord> value) {
        return add(new Column(name, Presence.ALWAYS, r -> OptionalDouble.of(value.applyAsDouble(r))));
    }

    private static Column nullable(String name, Function<StepRecord, OptionalDouble> value) {
        return add(new Column(name, Presence.NULLABLE, value));
    }

    private static Column optional(String name, Function<StepRecord, OptionalDouble> value) {
        return add(new Column(name, Presence.OPTIONAL, value));
    }

    private static OptionalDouble critic(StepRecord r, ToDoubleFunction<StepRecord.CriticUpdate> value) {
        return r.critic().isPresent() ? OptionalDouble.of(value.applyAsDouble(r.critic().get())) : OptionalDouble.empty();
    }

    private static Column add(Column c) {
        COLUMNS.add(c);
        return c;
    }
}

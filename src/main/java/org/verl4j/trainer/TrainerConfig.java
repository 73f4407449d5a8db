package org.verl4j.trainer;

import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;
import org.verl4j.rl.TaskReward;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.shaping.ChannelWeights;
import org.verl4j.shaping.Hypothesis;
import org.verl4j.shaping.Numerics;
import org.verl4j.shaping.VerlBonus;
import org.verl4j.shaping.parity.AuthorsNumerics;
import org.verl4j.shaping.VerlConfig;
import org.verl4j.trainstep.AdamWConfig;
import org.verl4j.trainstep.LrSchedule;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepConfig;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The typed training configuration, built from {@link ConfigValues} (whose keys and defaults are in
 * {@link TrainerKeys}); every section is validated by its own record's constructor.
 *
 * @param values   the resolved key values (printed and saved with the run)
 * @param model    model directory
 * @param data     data directory (train.jsonl, test.jsonl)
 * @param template prompt template
 * @param out      run directory
 * @param algorithm the advantage estimator
 * @param aux      the aux signal
 * @param reward   the task reward table
 * @param verl     VERL's settings (spec §6–§7)
 * @param rank     options of the per-response ERV/ERA windows
 * @param rollout  sampling settings
 * @param optim    PPO/AdamW settings
 * @param schedule steps, evaluation and checkpoint cadence
 * @param machine  seed, device, threads
 */
public record TrainerConfig(ConfigValues values, Path model, Path data, PromptFormat template, Path out,
                            Algorithm algorithm, AuxSignal aux, TaskReward reward, VerlConfig verl, RankOptions rank,
                            int datasetStride, Rollout rollout, Optim optim, Schedule schedule, Machine machine) {

    public TrainerConfig {
        int responses = rollout.prompts() * rollout.n();
        if (responses % optim.miniBatches() != 0)
            throw new IllegalArgumentException("optim.mini_batches = " + optim.miniBatches() + " must divide the "
                    + responses + " responses of a step (rollout.prompts × rollout.n)");
        if ((responses / optim.miniBatches()) % optim.microBatchSize() != 0)
            throw new IllegalArgumentException("optim.micro_batch_size = " + optim.microBatchSize() + " must divide a mini-batch of "
                    + responses / optim.miniBatches() + " responses");
    }

    /** Responses per optimizer step (a mini-batch). */
    public int miniBatchSize() {
        return rollout.prompts() * rollout.n() / optim.miniBatches();
    }

    /** K, the micro-batches each optimizer step accumulates. */
    public int microBatchesPerUpdate() {
        return miniBatchSize() / optim.microBatchSize();
    }

    /** Rollout settings: prompts per step, responses per prompt (n), sampling. */
    public record Rollout(int prompts, int n, double temperature, double topP, int topK, int maxNewTokens) {
        public Rollout {
            if (prompts < 1 || n < 1) throw new IllegalArgumentException("rollout.prompts and rollout.n must be ≥ 1, got " + prompts + ", " + n);
            if (!(temperature >= 0)) throw new IllegalArgumentException("rollout.temperature must be ≥ 0, got " + temperature);
            if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("rollout.top_p must be in (0, 1], got " + topP);
            if (topK < 0) throw new IllegalArgumentException("rollout.top_k must be ≥ 0, got " + topK);
            if (maxNewTokens < 1) throw new IllegalArgumentException("rollout.max_new_tokens must be ≥ 1, got " + maxNewTokens);
        }
    }

    /**
     * Optimisation: the actor loss, AdamW at its peak rate, the learning-rate schedule over the run's
     * {@code train.steps × optim.ppo_epochs × optim.mini_batches} optimizer updates, and the batching of the update.
     */
    public record Optim(ActorLoss actorLoss, AdamWConfig adamW, LrSchedule schedule, int miniBatches, int ppoEpochs,
                        int microBatchSize) {
        public Optim {
            if (miniBatches < 1 || ppoEpochs < 1 || microBatchSize < 1)
                throw new IllegalArgumentException("optim.mini_batches, optim.ppo_epochs and optim.micro_batch_size must be ≥ 1, got "
                        + miniBatches + ", " + ppoEpochs + ", " + microBatchSize);
        }
    }

    /** Steps, evaluation every {@code evalEvery} steps (0: before and after only) with n samples, checkpoints. */
    public record Schedule(int steps, int evalEvery, int evalN, int evalProblems, int checkpointEvery) {
        public Schedule {
            if (steps < 0) throw new IllegalArgumentException("train.steps must be ≥ 0, got " + steps);
            if (evalEvery < 0 || checkpointEvery < 0) throw new IllegalArgumentException("eval.every and checkpoint.every must be ≥ 0");
            if (evalN < 1) throw new IllegalArgumentException("eval.n must be ≥ 1, got " + evalN);
            if (evalProblems < 0) throw new IllegalArgumentException("data.eval_problems must be ≥ 0, got " + evalProblems);
        }
    }

    /** Seed of the data cursor and the sampler, ONNX Runtime device, threads. */
    public record Machine(long seed, String device, int threads) {
        public Machine {
            if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    /** The quickstart: every default. */
    public static TrainerConfig defaults() {
        return of(ConfigValues.defaults());
    }

    /** Builds and validates every section; a section's error names its key. */
    public static TrainerConfig of(ConfigValues v) {
        VerlConfig verl = new VerlConfig(v.number("verl.modulation_gain"), v.number("verl.ema_alpha"),
                v.number("verl.global_weight"), enumOf(VerlConfig.Scaling.class, v.text("verl.scaling")),
                enumOf(Hypothesis.class, v.text("verl.hypothesis")),
                channels(v.weights("verl.explore")), channels(v.weights("verl.exploit")), v.number("verl.kappa"),
                enumOf(VerlBonus.Placement.class, v.text("verl.placement")),
                enumOf(VerlConfig.Target.class, v.text("verl.target")), numerics(v.text("verl.numerics")));
        String truncation = v.text("rank.truncation");
        RankOptions rank = new RankOptions(v.integer("rank.stride"), v.integer("rank.max_len"),
                enumOf(Truncation.class, truncation));
        PolicyLoss pg = new PolicyLoss(v.number("optim.clip_low"), v.number("optim.clip_high"),
                v.optionalNumber("optim.dual_clip"),
                enumOf(LossAggregation.class, v.text("optim.aggregation")));
        ActorLoss actor = new ActorLoss(pg, v.number("optim.entropy_coeff"), v.number("optim.kl_coeff"),
                enumOf(KlEstimator.class, v.text("optim.kl_estimator")));
        AdamWConfig adam = new AdamWConfig(v.number("optim.lr"), v.number("optim.beta1"), v.number("optim.beta2"),
                v.number("optim.eps"), v.number("optim.weight_decay"), v.number("optim.max_grad_norm"));
        Optim optim = new Optim(actor, adam, schedule(v), v.integer("optim.mini_batches"),
                v.integer("optim.ppo_epochs"), v.integer("optim.micro_batch_size"));
        return new TrainerConfig(v, v.path("model.dir"), v.path("data.dir"), PromptFormat.named(v.text("data.template")),
                v.path("out.dir"), Algorithm.named(v.text("algorithm")), AuxSignal.named(v.text("aux.signal")),
                enumOf(TaskReward.class, v.text("reward.kind")), verl, rank, v.integer("rank.dataset_stride"),
                new Rollout(v.integer("rollout.prompts"), v.integer("rollout.n"), v.number("rollout.temperature"),
                        v.number("rollout.top_p"), v.integer("rollout.top_k"), v.integer("rollout.max_new_tokens")),
                optim, new Schedule(v.integer("train.steps"), v.integer("eval.every"), v.integer("eval.n"),
                        v.integer("data.eval_problems"), v.integer("checkpoint.every")),
                new Machine(v.longValue("seed"), v.text("device"), v.integer("threads")));
    }

    /** The actor's train-step configuration: PPO loss, AdamW, K micro-batches per optimizer step, the lr schedule. */
    public StepConfig actorStep() {
        return new StepConfig(new Objective.Policy(optim.actorLoss()), optim.adamW(), microBatchesPerUpdate(),
                optim.schedule());
    }

    /**
     * {@code optim.lr_schedule} over T = train.steps × ppo_epochs × mini_batches optimizer updates, with
     * {@code optim.warmup_steps} and {@code optim.min_lr_ratio}; an invalid combination throws naming the keys.
     */
    private static LrSchedule schedule(ConfigValues v) {
        long w = v.integer("optim.warmup_steps");
        long total = (long) v.integer("train.steps") * v.integer("optim.ppo_epochs") * v.integer("optim.mini_batches");
        double r = v.number("optim.min_lr_ratio");
        String shape = v.text("optim.lr_schedule");
        try {
            return switch (shape) {
                case "constant" -> new LrSchedule.Constant(w);
                case "linear" -> new LrSchedule.Linear(w, total, r);
                case "cosine" -> new LrSchedule.Cosine(w, total, r);
                default -> throw new IllegalArgumentException("unknown schedule '" + shape + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optim.lr_schedule = " + shape + ", optim.warmup_steps = " + w
                    + ", optim.min_lr_ratio = " + r + " over " + total + " optimizer updates (train.steps × "
                    + "optim.ppo_epochs × optim.mini_batches): " + e.getMessage(), e);
        }
    }

    /** The critic's learning rate (ppo-gae). */
    public double criticLr() {
        return values.number("critic.lr");
    }

    /** The critic's clipped value loss, aggregated as the actor's loss (ppo-gae). */
    public org.verl4j.rl.ValueLoss valueLoss() {
        return new org.verl4j.rl.ValueLoss(values.number("critic.value_clip"), optim.actorLoss().policy().aggregation());
    }

    /** β of the entropy-advantage bonus. */
    public double entropyBeta() {
        return values.number("aux.entropy_beta");
    }

    /** {@code plan-b} → PLAN_B, {@code authors-bf16} → AUTHORS_BF16, … */
    static <E extends Enum<E>> E enumOf(Class<E> type, String choice) {
        return Enum.valueOf(type, choice.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    /** float64 → the definition in double; authors-bf16 → the authors' bf16/f32 arithmetic (parity mode). */
    private static Numerics numerics(String choice) {
        return choice.equals("authors-bf16") ? AuthorsNumerics.BF16 : Numerics.FLOAT64;
    }

    private static ChannelWeights channels(double[] w) {
        return new ChannelWeights(w[0], w[1], w[2]);
    }
}

package org.verl4j.trainer;

import org.verl4j.rank.RankOptions;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.PolicyLoss;
import org.verl4j.rl.TaskReward;
import org.verl4j.rl.ValueLoss;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.shaping.VerlConfig;
import org.verl4j.trainstep.AdamWConfig;
import org.verl4j.trainstep.LrSchedule;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepConfig;

import java.nio.file.Path;

import static org.verl4j.trainer.TrainerKeys.*;

/**
 * The typed training configuration, built from {@link ConfigValues} (whose keys and defaults are in
 * {@link TrainerKeys}, read here through its typed constants); every section is validated by its own record's
 * constructor.
 *
 * @param values        the resolved key values (printed and saved with the run)
 * @param model         model directory
 * @param data          data directory (train.jsonl, test.jsonl)
 * @param template      prompt template
 * @param out           run directory
 * @param algorithm     the advantage estimator
 * @param aux           the aux signal: the one switch of VERL
 * @param entropyBeta   β of the entropy-advantage bonus (aux entropy-adv)
 * @param reward        the task reward table
 * @param verl          VERL's settings (ALGORITHM.md §6–§7; they act when aux is VERL)
 * @param rank          options of the per-response ERV/ERA windows
 * @param datasetStride stride of the dataset-level cumulative ERV/ERA
 * @param rollout       sampling settings
 * @param optim         PPO/AdamW settings
 * @param critic        the critic's rate and loss (ppo-gae)
 * @param schedule      steps, evaluation and checkpoint cadence
 * @param machine       seed, device, threads
 */
public record TrainerConfig(ConfigValues values, Path model, Path data, PromptFormat template, Path out,
                            Algorithm algorithm, AuxSignal aux, double entropyBeta, TaskReward reward, VerlConfig verl,
                            RankOptions rank, int datasetStride, Rollout rollout, Optim optim, CriticOptim critic,
                            Schedule schedule, Machine machine) {

    public TrainerConfig {
        int responses = rollout.prompts() * rollout.n();
        if (responses % optim.miniBatches() != 0)
            throw new IllegalArgumentException(MINI_BATCHES + " = " + optim.miniBatches() + " must divide the "
                    + responses + " responses of a step (" + PROMPTS + " × " + N + ")");
        if ((responses / optim.miniBatches()) % optim.microBatchSize() != 0)
            throw new IllegalArgumentException(MICRO_BATCH_SIZE + " = " + optim.microBatchSize() + " must divide a "
                    + "mini-batch of " + responses / optim.miniBatches() + " responses");
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

    /** The critic's learning rate and its clipped value loss, aggregated as the actor's loss (ppo-gae). */
    public record CriticOptim(double lr, ValueLoss valueLoss) {
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
        VerlConfig verl = new VerlConfig(v.get(VERL_GAIN), v.get(VERL_EMA_ALPHA), v.get(VERL_GLOBAL_WEIGHT),
                v.get(VERL_SCALING), v.get(VERL_HYPOTHESIS), v.get(VERL_EXPLORE), v.get(VERL_EXPLOIT), v.get(VERL_KAPPA),
                v.get(VERL_PLACEMENT), v.get(VERL_TARGET), v.get(VERL_NUMERICS).numerics());
        RankOptions rank = new RankOptions(v.get(RANK_STRIDE), v.get(RANK_MAX_LEN), v.get(RANK_TRUNCATION));
        PolicyLoss pg = new PolicyLoss(v.get(CLIP_LOW), v.get(CLIP_HIGH), v.get(DUAL_CLIP), v.get(AGGREGATION));
        ActorLoss actor = new ActorLoss(pg, v.get(ENTROPY_COEFF), v.get(KL_COEFF), v.get(KL_ESTIMATOR));
        AdamWConfig adam = new AdamWConfig(v.get(LR), v.get(BETA1), v.get(BETA2), v.get(EPS), v.get(WEIGHT_DECAY),
                v.get(MAX_GRAD_NORM));
        Optim optim = new Optim(actor, adam, schedule(v), v.get(MINI_BATCHES), v.get(PPO_EPOCHS), v.get(MICRO_BATCH_SIZE));
        return new TrainerConfig(v, v.get(MODEL_DIR), v.get(DATA_DIR), v.get(TEMPLATE), v.get(OUT_DIR), v.get(ALGORITHM),
                v.get(AUX_SIGNAL), v.get(ENTROPY_BETA), v.get(REWARD_KIND), verl, rank, v.get(DATASET_STRIDE),
                new Rollout(v.get(PROMPTS), v.get(N), v.get(TEMPERATURE), v.get(TOP_P), v.get(TOP_K), v.get(MAX_NEW_TOKENS)),
                optim, new CriticOptim(v.get(CRITIC_LR), new ValueLoss(v.get(VALUE_CLIP), pg.aggregation())),
                new Schedule(v.get(STEPS), v.get(EVAL_EVERY), v.get(EVAL_N), v.get(EVAL_PROBLEMS), v.get(CHECKPOINT_EVERY)),
                new Machine(v.get(SEED), v.get(DEVICE), v.get(THREADS)));
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
        long w = v.get(WARMUP_STEPS);
        long total = (long) v.get(STEPS) * v.get(PPO_EPOCHS) * v.get(MINI_BATCHES);
        double r = v.get(MIN_LR_RATIO);
        LrSchedule.Kind shape = v.get(LR_SCHEDULE);
        try {
            return shape.of(w, total, r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LR_SCHEDULE + " = " + LR_SCHEDULE.format(shape) + ", " + WARMUP_STEPS
                    + " = " + w + ", " + MIN_LR_RATIO + " = " + r + " over " + total + " optimizer updates (" + STEPS + " × "
                    + PPO_EPOCHS + " × " + MINI_BATCHES + "): " + e.getMessage(), e);
        }
    }
}

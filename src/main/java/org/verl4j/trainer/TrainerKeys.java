package org.verl4j.trainer;

import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;
import org.verl4j.rl.TaskReward;
import org.verl4j.rl.ValueLoss;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.shaping.ChannelWeights;
import org.verl4j.shaping.EntropyBonus;
import org.verl4j.shaping.Hypothesis;
import org.verl4j.shaping.VerlBonus;
import org.verl4j.shaping.VerlConfig;
import org.verl4j.trainstep.AdamWConfig;
import org.verl4j.trainstep.LrSchedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.verl4j.trainer.ConfigKey.choice;
import static org.verl4j.trainer.ConfigKey.integer;
import static org.verl4j.trainer.ConfigKey.number;

/**
 * Every key of {@code verl4j train} with its default: the ONE place where training defaults are stated (the README's
 * key table is rendered from here, {@link #markdownTable()}). Where a library record has a default (VERL's
 * {@link VerlConfig#defaults()}, AdamW's betas, PPO's clip range) the key takes it from there; the quickstart's own
 * choices are marked "quickstart" with the reason. A choice key offers its enum's constants. {@link TrainerConfig}
 * reads every value through these constants.
 */
public final class TrainerKeys {

    /** The data split the quickstart trains and evaluates on. */
    public static final String QUICKSTART_DATA = "benchmarks-data/arithmetic-l4";
    /** The shipped model the quickstart starts from. */
    public static final String QUICKSTART_MODEL = "models/verl4j-arith-tiny";

    private static final Map<String, ConfigKey<?>> KEYS = new LinkedHashMap<>();
    private static final VerlConfig VERL = VerlConfig.defaults();
    private static final AdamWConfig ADAM = AdamWConfig.defaults();
    private static final PolicyLoss PG = PolicyLoss.defaults();
    private static final ActorLoss ACTOR = ActorLoss.defaults();

    // where
    public static final ConfigKey<Path> MODEL_DIR = add(ConfigKey.path("model.dir", QUICKSTART_MODEL,
            "Hugging Face model directory to start from (config.json, safetensors, tokenizer)"));
    public static final ConfigKey<Path> DATA_DIR = add(ConfigKey.path("data.dir", QUICKSTART_DATA,
            "directory with train.jsonl and test.jsonl (tasks.Problem lines)"));
    public static final ConfigKey<PromptFormat> TEMPLATE = add(choice("data.template", PromptFormat.class,
            PromptFormat::label, PromptFormat.CHAT,
            "prompt format (rollout.PromptFormat; chat: the model's chat template, the char models append their separator)"));
    public static final ConfigKey<Integer> EVAL_PROBLEMS = add(integer("data.eval_problems", "100",
            "held-out problems per evaluation (the first ones of test.jsonl; 0 = all)"));
    public static final ConfigKey<Path> OUT_DIR = add(ConfigKey.path("out.dir", "runs/train", "run directory (--out)"));
    // what
    public static final ConfigKey<Algorithm> ALGORITHM = add(choice("algorithm", Algorithm.class, Algorithm::label,
            Algorithm.GRPO, "advantage estimator (docs/ALGORITHM.md §8)"));
    public static final ConfigKey<AuxSignal> AUX_SIGNAL = add(choice("aux.signal", AuxSignal.class, AuxSignal.VERL,
            "what shapes the advantage (verl: docs/ALGORITHM.md §6–§7; entropy-adv: Cheng et al.), and the one switch of VERL"));
    public static final ConfigKey<Double> ENTROPY_BETA = add(number("aux.entropy_beta", str(EntropyBonus.PAPER_BETA),
            "β of the entropy-advantage bonus (aux.signal=entropy-adv)"));
    public static final ConfigKey<TaskReward> REWARD_KIND = add(choice("reward.kind", TaskReward.class,
            TaskReward.INDEPENDENT, "task reward table (docs/ALGORITHM.md §8): independent (boxing matters) or binary"));
    // VERL, ALGORITHM.md §6–§7 (defaults: the authors' run); they act when aux.signal=verl
    public static final ConfigKey<Double> VERL_GAIN = add(number("verl.modulation_gain", str(VERL.modulationGain()),
            "g, gain of the ERA sigmoid"));
    public static final ConfigKey<Double> VERL_EMA_ALPHA = add(number("verl.ema_alpha", str(VERL.emaAlpha()),
            "α, EMA rate of the baselines m_k and S̄"));
    public static final ConfigKey<Double> VERL_GLOBAL_WEIGHT = add(number("verl.global_weight", str(VERL.globalWeight()),
            "w_g, base of the aux scale P"));
    public static final ConfigKey<VerlConfig.Scaling> VERL_SCALING = add(choice("verl.scaling", VerlConfig.Scaling.class,
            VERL.scaling(), "aux scale P: fixed (P = w_g, the authors' aux_fix) or score-ema (P = w_g·(1 − (S̄+1)/2))"));
    public static final ConfigKey<Hypothesis> VERL_HYPOTHESIS = add(choice("verl.hypothesis", Hypothesis.class,
            VERL.hypothesis(), "channel weighting"));
    public static final ConfigKey<ChannelWeights> VERL_EXPLORE = add(ConfigKey.weights("verl.explore", VERL.explore(),
            "w_explore over [ERA, ERV, ER]"));
    public static final ConfigKey<ChannelWeights> VERL_EXPLOIT = add(ConfigKey.weights("verl.exploit", VERL.exploit(),
            "w_exploit over [ERA, ERV, ER]"));
    public static final ConfigKey<Double> VERL_KAPPA = add(number("verl.kappa", str(VERL.kappa()),
            "κ of the clip |A0|/κ (also for entropy-adv)"));
    public static final ConfigKey<VerlBonus.Placement> VERL_PLACEMENT = add(choice("verl.placement",
            VerlBonus.Placement.class, VERL.placement(), "where the bonus enters the advantage"));
    public static final ConfigKey<VerlConfig.Target> VERL_TARGET = add(choice("verl.target", VerlConfig.Target.class,
            VERL.target(), "where aux enters: advantage (add_adv), reward (add_reward) or both")
            .removing(ConfigKey.NONE, "set aux.signal=none to turn VERL off"));
    public static final ConfigKey<VerlNumerics> VERL_NUMERICS = add(choice("verl.numerics", VerlNumerics.class,
            VerlNumerics.FLOAT64, "float64 (the definition in double), or authors-bf16 for bit parity with the authors' code"));
    // rank metrics, ALGORITHM.md §3–§4
    public static final ConfigKey<Integer> RANK_STRIDE = add(integer("rank.stride", "8", "window stride s (quickstart: "
            + "responses are 20–60 tokens; the paper's " + RankOptions.DEFAULTS.stride()
            + " would leave ERV/ERA unmeasured and the aux zero)"));
    public static final ConfigKey<Integer> RANK_MAX_LEN = add(integer("rank.max_len", str(RankOptions.DEFAULTS.maxLen()),
            "truncation length M"));
    public static final ConfigKey<Truncation> RANK_TRUNCATION = add(choice("rank.truncation", Truncation.class,
            RankOptions.DEFAULTS.truncation(), "which M rows are kept"));
    public static final ConfigKey<Integer> DATASET_STRIDE = add(integer("rank.dataset_stride", "20",
            "stride of the dataset-level cumulative ERV/ERA (docs/ALGORITHM.md §4)"));
    // rollout
    public static final ConfigKey<Integer> PROMPTS = add(integer("rollout.prompts", "8", "prompts per training step"));
    public static final ConfigKey<Integer> N = add(integer("rollout.n", "8", "responses per prompt (the GRPO group)"));
    public static final ConfigKey<Double> TEMPERATURE = add(number("rollout.temperature", "1.0",
            "sampling temperature (0 = greedy)"));
    public static final ConfigKey<Double> TOP_P = add(number("rollout.top_p", "1.0", "nucleus sampling p"));
    public static final ConfigKey<Integer> TOP_K = add(integer("rollout.top_k", "0", "top-k (0 = off)"));
    public static final ConfigKey<Integer> MAX_NEW_TOKENS = add(integer("rollout.max_new_tokens", "64",
            "response length limit (quickstart: arithmetic-l4 solutions are ≤ ~45 characters)"));
    // optimisation (ALGORITHM.md §8)
    public static final ConfigKey<Double> LR = add(number("optim.lr", "1e-4", "peak learning rate, reached after "
            + "optim.warmup_steps and decayed as optim.lr_schedule says (quickstart: a few-MB model learns at 1e-4; "
            + "the paper's 7B used " + ADAM.lr() + ")"));
    public static final ConfigKey<LrSchedule.Kind> LR_SCHEDULE = add(choice("optim.lr_schedule", LrSchedule.Kind.class,
            LrSchedule.Kind.CONSTANT, "learning rate per optimizer update t (trainstep.LrSchedule): constant, or a linear "
                    + "or cosine decay to optim.min_lr_ratio × optim.lr at the last of the run's train.steps × "
                    + "optim.ppo_epochs × optim.mini_batches updates; the critic follows it at critic.lr (docs/ALGORITHM.md §8: constant)"));
    public static final ConfigKey<Integer> WARMUP_STEPS = add(integer("optim.warmup_steps", "0",
            "optimizer updates of linear warmup from 0 to optim.lr (every schedule)"));
    public static final ConfigKey<Double> MIN_LR_RATIO = add(number("optim.min_lr_ratio", "0",
            "floor of the linear/cosine decay as a fraction of optim.lr, in [0, 1]"));
    public static final ConfigKey<Double> BETA1 = add(number("optim.beta1", str(ADAM.beta1()), "AdamW β₁"));
    public static final ConfigKey<Double> BETA2 = add(number("optim.beta2", str(ADAM.beta2()), "AdamW β₂"));
    public static final ConfigKey<Double> EPS = add(number("optim.eps", str(ADAM.eps()), "AdamW ε"));
    public static final ConfigKey<Double> WEIGHT_DECAY = add(number("optim.weight_decay", str(ADAM.weightDecay()),
            "AdamW decoupled weight decay"));
    public static final ConfigKey<Double> MAX_GRAD_NORM = add(number("optim.max_grad_norm", str(ADAM.maxGradNorm()),
            "global gradient-norm clip"));
    public static final ConfigKey<Double> CLIP_LOW = add(number("optim.clip_low", str(PG.clipLow()), "PPO ε_low"));
    public static final ConfigKey<Double> CLIP_HIGH = add(number("optim.clip_high", str(PG.clipHigh()), "PPO ε_high"));
    public static final ConfigKey<OptionalDouble> DUAL_CLIP = add(ConfigKey.optionalNumber("optim.dual_clip",
            PG.dualClip().isPresent() ? str(PG.dualClip().getAsDouble()) : ConfigKey.NONE, "dual-clip c > 1, or none"));
    public static final ConfigKey<Double> ENTROPY_COEFF = add(number("optim.entropy_coeff", "0", "entropy bonus "
            + "coefficient c_H (quickstart: 0, so that exploration comes from aux.signal alone and the arms of verl4j "
            + "experiment differ in nothing else; docs/ALGORITHM.md §8 and rl.ActorLoss.defaults() use " + ACTOR.entropyCoeff() + ")"));
    public static final ConfigKey<Double> KL_COEFF = add(number("optim.kl_coeff", "0", "KL-in-loss β; 0 skips the "
            + "reference policy (quickstart: 0, which saves the reference log-prob pass over every step's responses; "
            + "docs/ALGORITHM.md §8 and rl.ActorLoss.defaults() use " + ACTOR.klCoeff() + ")"));
    public static final ConfigKey<KlEstimator> KL_ESTIMATOR = add(choice("optim.kl_estimator", KlEstimator.class,
            ACTOR.klEstimator(), "KL estimator"));
    public static final ConfigKey<LossAggregation> AGGREGATION = add(choice("optim.aggregation", LossAggregation.class,
            PG.aggregation(), "loss aggregation (the actor's and the critic's)"));
    public static final ConfigKey<Integer> MINI_BATCHES = add(integer("optim.mini_batches", "1",
            "optimizer steps per PPO epoch (the rollouts split into this many mini-batches)"));
    public static final ConfigKey<Integer> PPO_EPOCHS = add(integer("optim.ppo_epochs", "1",
            "passes over the rollouts per training step"));
    public static final ConfigKey<Double> CRITIC_LR = add(number("critic.lr", "1e-4",
            "critic learning rate (ppo-gae; other AdamW settings as the actor's)"));
    public static final ConfigKey<Double> VALUE_CLIP = add(number("critic.value_clip", str(ValueLoss.defaults().clipRange()),
            "critic value clip (ppo-gae)"));
    public static final ConfigKey<Integer> MICRO_BATCH_SIZE = add(integer("optim.micro_batch_size", "16",
            "responses per gradient-accumulation micro-batch (must divide a mini-batch)"));
    // schedule and machine
    public static final ConfigKey<Integer> STEPS = add(integer("train.steps", "100",
            "training steps (quickstart: ~1.5 s a step on 2 cores, pass@1 rises within 50)"));
    public static final ConfigKey<Integer> EVAL_EVERY = add(integer("eval.every", "0",
            "evaluate every N steps (0: only before and after training)"));
    public static final ConfigKey<Integer> EVAL_N = add(integer("eval.n", "8",
            "samples per held-out problem (pass@k for k = 1, 2, 4, … ≤ n)"));
    public static final ConfigKey<Integer> CHECKPOINT_EVERY = add(integer("checkpoint.every", "25",
            "checkpoint every N steps (and always at the end; 0: only at the end)"));
    public static final ConfigKey<Long> SEED = add(ConfigKey.longInteger("seed", "0", "seed of the data cursor and the sampler"));
    public static final ConfigKey<String> DEVICE = add(ConfigKey.text("device", "cpu", "cpu or cuda[:N]"));
    public static final ConfigKey<Integer> THREADS = add(integer("threads", "2",
            "ONNX Runtime intra-op threads and rank-metric threads"));

    private TrainerKeys() {
    }

    /** Every key, in documentation order. */
    public static List<ConfigKey<?>> all() {
        return new ArrayList<>(KEYS.values());
    }

    /** The key named {@code name}; throws naming it (and the section's keys) when unknown. */
    public static ConfigKey<?> get(String name) {
        ConfigKey<?> k = KEYS.get(name);
        if (k != null) return k;
        String section = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : "";
        List<String> near = KEYS.keySet().stream().filter(n -> !section.isEmpty() && n.startsWith(section)).toList();
        throw new IllegalArgumentException("unknown config key '" + name + "'"
                + (near.isEmpty() ? "" : " (keys of that section: " + String.join(", ", near) + ")"));
    }

    /**
     * The README's key table: {@code | key | default | meaning |}, one row per key in documentation order; a choice
     * key's meaning starts with its choices. Rendered by {@code verl4j train --keys --markdown}.
     */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigKey<?> k : KEYS.values()) {
            String meaning = (k.choices().isEmpty() ? "" : String.join(" | ", k.choices()) + " — ") + k.doc();
            md.append("| `").append(k.name()).append("` | ").append(cell(k.fallback())).append(" | ")
                    .append(cell(meaning)).append(" |\n");
        }
        return md.toString();
    }

    /** Text inside a table cell: a literal | escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static <T> ConfigKey<T> add(ConfigKey<T> k) {
        KEYS.put(k.name(), k);
        return k;
    }

    private static String str(Object x) {
        return String.valueOf(x);
    }
}

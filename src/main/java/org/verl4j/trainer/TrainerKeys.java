package org.verl4j.trainer;

import org.verl4j.rank.RankOptions;
import org.verl4j.rl.PolicyLoss;
import org.verl4j.rl.ValueLoss;
import org.verl4j.shaping.EntropyBonus;
import org.verl4j.shaping.VerlConfig;
import org.verl4j.trainstep.AdamWConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.verl4j.trainer.ConfigKey.Kind.*;

/**
 * Every key of {@code verl4j train} with its default: the ONE place where training defaults are stated. Where a
 * library record has a default (VERL's {@link VerlConfig#defaults()}, AdamW's betas, PPO's clip range) the key takes
 * it from there; the quickstart's own choices are marked "quickstart" with the reason.
 */
public final class TrainerKeys {

    /** The data split the quickstart trains and evaluates on. */
    public static final String QUICKSTART_DATA = "benchmarks-data/arithmetic-l4";
    /** The shipped model the quickstart starts from. */
    public static final String QUICKSTART_MODEL = "models/verl4j-arith-tiny";

    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        VerlConfig verl = VerlConfig.defaults();
        AdamWConfig adam = AdamWConfig.defaults();
        PolicyLoss pg = PolicyLoss.defaults();
        // where
        key("model.dir", PATH, QUICKSTART_MODEL, "Hugging Face model directory to start from (config.json, safetensors, tokenizer)");
        key("data.dir", PATH, QUICKSTART_DATA, "directory with train.jsonl and test.jsonl (tasks.Problem lines)");
        choice("data.template", "chat", "prompt format (rollout.PromptFormat): chat (the model's chat template; the char models "
                + "append their separator), plain, abel, qwen-boxed", "chat", "plain", "abel", "qwen-boxed");
        key("data.eval_problems", INT, "100", "held-out problems per evaluation (the first ones of test.jsonl; 0 = all)");
        key("out.dir", PATH, "runs/train", "run directory (--out)");
        // what
        choice("algorithm", "grpo", "advantage estimator", "grpo", "drgrpo", "ppo-gae", "rloo", "reinforce++");
        choice("aux.signal", "verl", "what shapes the advantage: none, verl (spec §6–§7), entropy-adv (Cheng et al.)",
                "none", "verl", "entropy-adv");
        key("aux.entropy_beta", DOUBLE, Double.toString(EntropyBonus.PAPER_BETA), "β of the entropy-advantage bonus");
        choice("reward.kind", "independent", "task reward table (spec §8): independent (boxing matters) or binary",
                "independent", "binary");
        // VERL, spec §6–§7 (defaults: the authors' run)
        key("verl.modulation_gain", DOUBLE, str(verl.modulationGain()), "g, gain of the ERA sigmoid");
        key("verl.ema_alpha", DOUBLE, str(verl.emaAlpha()), "α, EMA rate of the baselines m_k and S̄");
        key("verl.global_weight", DOUBLE, str(verl.globalWeight()), "w_g, base of the aux scale P");
        choice("verl.scaling", label(verl.scaling()), "aux scale P: fixed (P = w_g, the authors' aux_fix) or score-ema "
                + "(P = w_g·(1 − (S̄+1)/2))", "fixed", "score-ema");
        choice("verl.hypothesis", label(verl.hypothesis()), "channel weighting", "plan-b", "fix-two", "fix-one");
        key("verl.explore", WEIGHTS, weights(verl.explore().era(), verl.explore().erv(), verl.explore().er()), "w_explore over [ERA, ERV, ER]");
        key("verl.exploit", WEIGHTS, weights(verl.exploit().era(), verl.exploit().erv(), verl.exploit().er()), "w_exploit over [ERA, ERV, ER]");
        key("verl.kappa", DOUBLE, str(verl.kappa()), "κ of the clip |A0|/κ (also for entropy-adv)");
        choice("verl.placement", label(verl.placement()), "where the bonus enters the advantage", "last-token", "all-tokens");
        choice("verl.target", label(verl.target()), "where aux enters: advantage (add_adv), reward (add_reward), both, or none",
                "advantage", "reward", "reward-and-advantage", "none");
        choice("verl.numerics", "float64", "float64, or authors-bf16 for bit parity with the authors' code", "float64", "authors-bf16");
        // rank metrics, spec §3–§4
        key("rank.stride", INT, "8", "window stride s (quickstart: responses are 20–60 tokens; the paper's "
                + RankOptions.DEFAULTS.stride() + " would leave ERV/ERA unmeasured and the aux zero)");
        key("rank.max_len", INT, str(RankOptions.DEFAULTS.maxLen()), "truncation length M");
        choice("rank.truncation", "tail", "which M rows are kept", "tail", "head", "none");
        key("rank.dataset_stride", INT, "20", "stride of the dataset-level cumulative ERV/ERA (spec §4)");
        // rollout
        key("rollout.prompts", INT, "8", "prompts per training step");
        key("rollout.n", INT, "8", "responses per prompt (the GRPO group)");
        key("rollout.temperature", DOUBLE, "1.0", "sampling temperature (0 = greedy)");
        key("rollout.top_p", DOUBLE, "1.0", "nucleus sampling p");
        key("rollout.top_k", INT, "0", "top-k (0 = off)");
        key("rollout.max_new_tokens", INT, "64", "response length limit (quickstart: arithmetic-l4 solutions are ≤ ~45 characters)");
        // optimisation (spec §8)
        key("optim.lr", DOUBLE, "1e-4", "peak learning rate (quickstart: a few-MB model learns at 1e-4; the paper's 7B used "
                + adam.lr() + ")");
        choice("optim.lr_schedule", "constant", "learning rate per optimizer update t (trainstep.LrSchedule): constant, or a "
                + "linear or cosine decay to optim.min_lr_ratio × optim.lr at the last update (spec §8: constant)",
                "constant", "linear", "cosine");
        key("optim.warmup_steps", INT, "0", "optimizer updates of linear warmup from 0 to optim.lr (every schedule)");
        key("optim.min_lr_ratio", DOUBLE, "0", "floor of the linear/cosine decay as a fraction of optim.lr, in [0, 1]");
        key("optim.beta1", DOUBLE, str(adam.beta1()), "AdamW β₁");
        key("optim.beta2", DOUBLE, str(adam.beta2()), "AdamW β₂");
        key("optim.eps", DOUBLE, str(adam.eps()), "AdamW ε");
        key("optim.weight_decay", DOUBLE, str(adam.weightDecay()), "AdamW decoupled weight decay");
        key("optim.max_grad_norm", DOUBLE, str(adam.maxGradNorm()), "global gradient-norm clip");
        key("optim.clip_low", DOUBLE, str(pg.clipLow()), "PPO ε_low");
        key("optim.clip_high", DOUBLE, str(pg.clipHigh()), "PPO ε_high");
        key("optim.dual_clip", OPTIONAL_DOUBLE, pg.dualClip().isPresent() ? str(pg.dualClip().getAsDouble()) : "none",
                "dual-clip c > 1, or none");
        key("optim.entropy_coeff", DOUBLE, "0", "entropy bonus coefficient c_H");
        key("optim.kl_coeff", DOUBLE, "0", "KL-in-loss β (0 skips the reference policy)");
        choice("optim.kl_estimator", "k3", "KL estimator", "k1", "abs", "k2", "k3");
        choice("optim.aggregation", "token-mean", "loss aggregation", "token-mean", "seq-mean-token-sum", "seq-mean-token-mean");
        key("optim.mini_batches", INT, "1", "optimizer steps per PPO epoch (the rollouts split into this many mini-batches)");
        key("optim.ppo_epochs", INT, "1", "passes over the rollouts per training step");
        key("critic.lr", DOUBLE, "1e-4", "critic learning rate (ppo-gae; other AdamW settings as the actor's)");
        key("critic.value_clip", DOUBLE, str(ValueLoss.defaults().clipRange()), "critic value clip (ppo-gae)");
        key("optim.micro_batch_size", INT, "16", "responses per gradient-accumulation micro-batch (must divide a mini-batch)");
        // schedule and machine
        key("train.steps", INT, "100", "training steps (quickstart: ~1.5 s a step on 2 cores, pass@1 rises within 50)");
        key("eval.every", INT, "0", "evaluate every N steps (0: only before and after training)");
        key("eval.n", INT, "8", "samples per held-out problem (pass@k for k = 1, 2, 4, … ≤ n)");
        key("checkpoint.every", INT, "25", "checkpoint every N steps (and always at the end; 0: only at the end)");
        key("seed", LONG, "0", "seed of the data cursor and the sampler");
        key("device", TEXT, "cpu", "cpu or cuda[:N]");
        key("threads", INT, "2", "ONNX Runtime intra-op threads and rank-metric threads");
    }

    private TrainerKeys() {
    }

    /** Every key, in documentation order. */
    public static List<ConfigKey> all() {
        return new ArrayList<>(KEYS.values());
    }

    /** The key named {@code name}; throws naming it (and the section's keys) when unknown. */
    public static ConfigKey get(String name) {
        ConfigKey k = KEYS.get(name);
        if (k != null) return k;
        String section = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : "";
        List<String> near = KEYS.keySet().stream().filter(n -> !section.isEmpty() && n.startsWith(section)).toList();
        throw new IllegalArgumentException("unknown config key '" + name + "'"
                + (near.isEmpty() ? "" : " (keys of that section: " + String.join(", ", near) + ")"));
    }

    private static void key(String name, ConfigKey.Kind kind, String fallback, String doc) {
        ConfigKey k = new ConfigKey(name, kind, List.of(), fallback, doc);
        k.parse(fallback);                                         // a default must be a valid value
        KEYS.put(name, k);
    }

    private static void choice(String name, String fallback, String doc, String... choices) {
        ConfigKey k = new ConfigKey(name, CHOICE, List.of(choices), fallback, doc);
        k.parse(fallback);
        KEYS.put(name, k);
    }

    /** An enum constant as its key value: PLAN_B → plan-b. */
    private static String label(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String str(Object x) {
        return String.valueOf(x);
    }

    private static String weights(double a, double b, double c) {
        return a + "," + b + "," + c;
    }
}

package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.rank.RankOptions;
import org.verl4j.shaping.VerlBonus;
import org.verl4j.shaping.VerlConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading the training configuration: defaults, file, --set precedence, and errors that name the key. */
class TrainerConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheQuickstartAndTakeVerlDefaultsFromTheLibrary() {
        TrainerConfig c = TrainerConfig.defaults();
        assertThat(c.verl()).isEqualTo(VerlConfig.defaults());
        assertThat(c.algorithm()).isEqualTo(Algorithm.GRPO);
        assertThat(c.aux()).isEqualTo(AuxSignal.VERL);
        assertThat(c.data()).isEqualTo(Path.of(TrainerKeys.QUICKSTART_DATA));
        // short arithmetic responses: the paper's stride would leave ERV/ERA unmeasured
        assertThat(c.rank().stride()).isLessThan(RankOptions.DEFAULTS.stride());
        assertThat(c.optim().actorLoss().policy().dualClip()).isEqualTo(org.verl4j.rl.PolicyLoss.defaults().dualClip());
    }

    @Test
    void setOverridesTheFileWhichOverridesTheDefaults() throws IOException {
        Path file = dir.resolve("c.json");
        Files.writeString(file, """
                {"train": {"steps": 7}, "optim.lr": 0.5, "verl": {"kappa": 3, "placement": "all-tokens"},
                 "optim": {"dual_clip": 3.0}, "verl.explore": [0.1, 0.2, 0.7]}""");
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(file, List.of("train.steps=9", "optim.dual_clip=none")));
        assertThat(c.schedule().steps()).isEqualTo(9);                      // --set beats the file
        assertThat(c.optim().adamW().lr()).isEqualTo(0.5);                  // the file beats the default
        assertThat(c.verl().kappa()).isEqualTo(3.0);
        assertThat(c.verl().placement()).isEqualTo(VerlBonus.Placement.ALL_TOKENS);
        assertThat(c.verl().explore().erv()).isEqualTo(0.2);
        assertThat(c.optim().actorLoss().policy().dualClip()).isEmpty();
        assertThat(c.rollout().n()).isEqualTo(8);                           // untouched default
    }

    @Test
    void propertiesFilesUseDottedKeys() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "algorithm=rloo\naux.signal=entropy-adv\n");
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(file, List.of()));
        assertThat(c.algorithm()).isEqualTo(Algorithm.RLOO);
        assertThat(c.aux()).isEqualTo(AuxSignal.ENTROPY_ADV);
    }

    @Test
    void unknownKeysAreErrorsNamingTheKey() throws IOException {
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("optim.lrr=1")))
                .hasMessageContaining("unknown config key 'optim.lrr'").hasMessageContaining("optim.lr");
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"verl\": {\"kapa\": 2}}");
        assertThatThrownBy(() -> ConfigValues.resolve(file, List.of())).hasMessageContaining("'verl.kapa'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void illTypedValuesAreErrorsNamingTheKey() throws IOException {
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("train.steps=2.5")))
                .hasMessageContaining("'train.steps'").hasMessageContaining("an integer");
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("algorithm=ppo")))
                .hasMessageContaining("'algorithm'").hasMessageContaining("grpo");
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("verl.target=yes"))).hasMessageContaining("'verl.target'");
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("optim.lr=NaN"))).hasMessageContaining("'optim.lr'");
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"rollout\": {\"n\": \"8\"}}");
        assertThatThrownBy(() -> ConfigValues.resolve(file, List.of())).hasMessageContaining("'rollout.n'");
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("steps"))).hasMessageContaining("key=value");
    }

    @Test
    void outOfRangeValuesAreRejectedByTheirSection() {
        assertThatThrownBy(() -> TrainerConfig.of(ConfigValues.resolve(null, List.of("verl.ema_alpha=0"))))
                .hasMessageContaining("α");
        assertThatThrownBy(() -> TrainerConfig.of(ConfigValues.resolve(null, List.of("rollout.top_p=0"))))
                .hasMessageContaining("rollout.top_p");
    }

    @Test
    void theLrScheduleSpansEveryOptimizerUpdateAndItsErrorsNameTheKeys() {
        assertThat(TrainerConfig.defaults().actorStep().schedule()).isEqualTo(org.verl4j.trainstep.LrSchedule.CONSTANT);
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(null, List.of("optim.lr_schedule=cosine",
                "optim.warmup_steps=3", "optim.min_lr_ratio=0.1", "train.steps=10", "optim.ppo_epochs=2",
                "optim.mini_batches=2")));
        // T = 10 steps × 2 epochs × 2 mini-batches optimizer updates; the critic follows the same schedule
        assertThat(c.actorStep().schedule()).isEqualTo(new org.verl4j.trainstep.LrSchedule.Cosine(3, 40, 0.1));
        assertThat(Critic.stepConfig(c).schedule()).isEqualTo(c.actorStep().schedule());
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("optim.lr_schedule=step")))
                .hasMessageContaining("'optim.lr_schedule'").hasMessageContaining("cosine");
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("optim.warmup_steps=1.5")))
                .hasMessageContaining("'optim.warmup_steps'");
        assertThatThrownBy(() -> TrainerConfig.of(ConfigValues.resolve(null, List.of("optim.lr_schedule=linear",
                "train.steps=5", "optim.warmup_steps=5"))))
                .hasMessageContaining("optim.warmup_steps = 5").hasMessageContaining("over 5 optimizer updates");
        assertThatThrownBy(() -> TrainerConfig.of(ConfigValues.resolve(null, List.of("optim.lr_schedule=cosine",
                "optim.min_lr_ratio=2")))).hasMessageContaining("optim.min_lr_ratio = 2.0");
        assertThatThrownBy(() -> TrainerConfig.of(ConfigValues.resolve(null, List.of("optim.warmup_steps=-1"))))
                .hasMessageContaining("optim.warmup_steps = -1");
    }

    @Test
    void theSavedResolvedConfigurationReadsBackToTheSameValues() throws IOException {
        ConfigValues v = ConfigValues.resolve(null, List.of("seed=42", "optim.dual_clip=3", "verl.exploit=0,0.5,0.5"));
        Path file = dir.resolve("config.json");
        Files.writeString(file, v.toJson().toPrettyString());
        ConfigValues back = ConfigValues.resolve(file, List.of());
        assertThat(back.render()).isEqualTo(v.render());
        assertThat(back.toJson()).isEqualTo(v.toJson());
    }

    @Test
    void aux_signalIsTheOneSwitchOfVerlAndTheRemovedTargetNoneSaysSo() {
        assertThatThrownBy(() -> ConfigValues.resolve(null, List.of("verl.target=none")))
                .hasMessageContaining("config key 'verl.target': 'none' was removed; set aux.signal=none to turn VERL off");
        assertThat(TrainerKeys.VERL_TARGET.choices()).containsExactly("advantage", "reward", "reward-and-advantage");
        TrainerConfig off = TrainerConfig.of(ConfigValues.resolve(null, List.of("aux.signal=none")));
        assertThat(off.aux()).isEqualTo(AuxSignal.NONE);
        assertThat(off.verl().target()).isEqualTo(VerlConfig.Target.ADVANTAGE);
    }

    @Test
    void everyChoiceIsAConstantOfItsEnumUnderOneLabel() {
        for (ConfigKey<?> k : TrainerKeys.all())
            for (String c : k.choices()) assertThat(format(k, c)).as(k + " choice " + c).isEqualTo(c);
        // the rule, and the two enums that name their constants themselves
        assertThat(TrainerKeys.VERL_HYPOTHESIS.choices()).containsExactly("plan-b", "fix-two", "fix-one");
        assertThat(TrainerKeys.VERL_NUMERICS.parse("authors-bf16")).isEqualTo(VerlNumerics.AUTHORS_BF16);
        assertThat(TrainerKeys.ALGORITHM.parse("REINFORCE++")).isEqualTo(Algorithm.REINFORCE_PLUS_PLUS);
        assertThat(TrainerKeys.TEMPLATE.choices()).containsExactly("plain", "abel", "qwen-boxed", "chat");
        assertThat(TrainerKeys.LR_SCHEDULE.choices()).hasSize(org.verl4j.trainstep.LrSchedule.Kind.values().length);
        assertThat(AuxSignal.named("entropy-adv")).isEqualTo(AuxSignal.ENTROPY_ADV);
        assertThatThrownBy(() -> AuxSignal.named("entropy")).hasMessageContaining("one of none, verl, entropy-adv");
    }

    @Test
    void theSectionsReadTheirTypedKeys() {
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(null, List.of("aux.entropy_beta=0.25", "critic.lr=3e-5",
                "critic.value_clip=0.75", "optim.aggregation=seq-mean-token-sum", "verl.numerics=authors-bf16",
                "rank.truncation=head", "seed=9000000000")));
        assertThat(c.entropyBeta()).isEqualTo(0.25);
        assertThat(c.critic().lr()).isEqualTo(3e-5);
        assertThat(c.critic().valueLoss()).isEqualTo(new org.verl4j.rl.ValueLoss(0.75,
                org.verl4j.rl.LossAggregation.SEQ_MEAN_TOKEN_SUM));
        assertThat(c.verl().numerics()).isSameAs(org.verl4j.shaping.parity.AuthorsNumerics.BF16);
        assertThat(c.rank().truncation()).isEqualTo(org.verl4j.rank.Truncation.HEAD);
        assertThat(c.machine().seed()).isEqualTo(9_000_000_000L);
        assertThat(Critic.stepConfig(c).optimizer().lr()).isEqualTo(3e-5);
        assertThatThrownBy(() -> ConfigValues.defaults().get(ConfigKey.number("optim.lr", "1", "a stray copy")))
                .hasMessageContaining("not a key of TrainerKeys");
    }

    private static <T> String format(ConfigKey<T> k, String text) {
        return k.format(k.parse(text));
    }
}

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
}

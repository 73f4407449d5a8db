package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The experiment runs every arm × seed and writes the table and the curves. */
class ExperimentTest {

    @TempDir
    Path tmp;

    @Test
    void everyArmAndSeedRunsAndTheTableHasOneRowPerArm() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        List<String> shared = List.of("model.dir=" + model, "data.dir=benchmarks-data/digit-completion-l1",
                "rollout.prompts=2", "rollout.n=2", "rollout.max_new_tokens=4", "optim.micro_batch_size=4",
                "rank.stride=1", "data.eval_problems=2", "eval.n=2", "threads=1", "train.steps=2", "checkpoint.every=0");
        Path out = tmp.resolve("exp");
        Path md = Experiment.run(null, shared, Experiment.ARMS, 2, out, new PrintWriter(Writer.nullWriter()));
        String table = Files.readString(md);
        assertThat(table).contains("| initial policy |", "| grpo |", "| grpo+verl |", "| grpo+entropy-adv |", "pass@2");
        for (Experiment.Arm arm : Experiment.ARMS)
            for (int s = 0; s < 2; s++) assertThat(out.resolve(arm.name() + "-seed" + s).resolve("summary.json")).isRegularFile();
        assertThat(out.resolve("curves-erv_mean.png")).isRegularFile();
    }

    @Test
    void theSpreadIsTheBesselStandardDeviation() {
        assertThat(Experiment.sampleStd(new double[]{1, 2, 3})).isCloseTo(1.0, within(1e-15));   // hand value
        assertThat(Experiment.sampleStd(new double[]{0.5})).isZero();
    }
}

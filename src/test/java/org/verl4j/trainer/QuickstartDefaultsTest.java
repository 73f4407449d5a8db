package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart's defaults on the shipped model and task make VERL act: with the default stride, ERV and ERA are
 * measured on real arithmetic responses and the aux is non-zero once the gate opens (step 2). Two steps, a small
 * evaluation; everything else is the default configuration.
 */
class QuickstartDefaultsTest {

    @TempDir
    Path tmp;

    @Test
    void theDefaultStrideMeasuresErvAndEraOnRealResponsesAndTheAuxIsNonZero() throws IOException {
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(null, List.of("train.steps=2", "data.eval_problems=2",
                "eval.n=1", "out.dir=" + tmp.resolve("run"))));
        assertThat(c.model()).as("the quickstart's model is shipped in the repository").isDirectory();
        Trainer.Result r;
        try (Trainer t = new Trainer(c, c.out(), new PrintWriter(Writer.nullWriter()))) {
            r = t.run(Optional.empty());
        }
        for (StepRecord s : r.steps()) {
            assertThat(s.rank().ervMeasured()).as("ERV measured, step " + s.step()).isGreaterThan(0.9);
            assertThat(s.rank().eraMeasured()).as("ERA measured, step " + s.step()).isGreaterThan(0.9);
        }
        StepRecord second = r.steps().get(1);
        assertThat(second.shaping().gateOpen()).isTrue();
        assertThat(second.shaping().auxNonzeroFraction()).isEqualTo(1.0);
        assertThat(second.shaping().shapedTokenFraction()).as("the bonus reaches some advantages").isPositive();
    }
}

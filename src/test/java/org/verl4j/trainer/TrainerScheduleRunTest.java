package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A tiny real run with a cosine learning-rate schedule: steps.jsonl logs the rate of each step's last update, and a
 * run killed after its step-2 checkpoint resumes (same configuration) bit for bit like the straight run.
 */
class TrainerScheduleRunTest {

    @TempDir
    Path tmp;

    @Test
    void aCosineRunLogsItsRatesAndResumesBitForBit() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path straight = tmp.resolve("straight"), killed = tmp.resolve("killed");
        // 4 steps × 2 mini-batches = T = 8 updates, W = 2, r = 0.1 at lr 1e-2 (TinyRuns)
        String[] schedule = {"train.steps=4", "optim.lr_schedule=cosine", "optim.warmup_steps=2", "optim.min_lr_ratio=0.1"};
        Trainer.Result a = TinyRuns.run(TinyRuns.config(model, straight, schedule), Optional.empty());
        // step u ends with update t = 2u: f = 0.1 + 0.9·½(1 + cos(π(t − 2)/6)) = 1, 0.775, 0.325, 0.1
        double[] hand = {1e-2, 7.75e-3, 3.25e-3, 1e-3};
        for (int u = 0; u < 4; u++)
            assertThat(a.steps().get(u).actor().lr()).as("actor/lr of step %d", u + 1)
                    .isCloseTo(hand[u], within(1e-17));                     // a few ulps of the double schedule
        // the killed run: the straight run's directory as it was when step 3 started
        copy(straight, killed);
        delete(killed.resolve("checkpoints").resolve(Checkpoints.name(4)));
        Trainer.Result b = TinyRuns.run(TinyRuns.config(model, killed, schedule), Optional.of(killed));
        TrainerState sa = Checkpoints.load(straight.resolve("checkpoints").resolve(Checkpoints.name(4)));
        TrainerState sb = Checkpoints.load(killed.resolve("checkpoints").resolve(Checkpoints.name(4)));
        assertThat(sb.actor().theta()).isEqualTo(sa.actor().theta());
        assertThat(sb.actor().m()).isEqualTo(sa.actor().m());
        assertThat(sb.actor().v()).isEqualTo(sa.actor().v());
        assertThat(sb.actor().steps()).isEqualTo(8);
        for (int i = 0; i < 4; i++) assertThat(TinyRuns.withoutTimes(b.steps().get(i))).isEqualTo(TinyRuns.withoutTimes(a.steps().get(i)));
    }


    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

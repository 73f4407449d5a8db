package org.verl4j.trainer;

import org.verl4j.trainstep.TrainStep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.shaping.ControllerState;
import org.verl4j.shaping.RankIndicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints round-trip exactly, and a save killed half-way leaves the previous checkpoint usable. */
class CheckpointsTest {

    @TempDir
    Path run;

    /** A state whose every number differs (seeded), with a critic and a controller past its first step. */
    static TrainerState state(int step, long seed) {
        Random r = new Random(seed);
        double[] theta = r.doubles(50).toArray(), m = r.doubles(50).toArray(), v = r.doubles(50).toArray();
        ControllerState c = new ControllerState(step, r.nextGaussian(), new RankIndicators(r.nextGaussian(), r.nextGaussian(), 3.1),
                new RankIndicators(0.1, -0.2, 2.9));
        return new TrainerState(step, 8L * step, c, new TrainStep.State(theta, m, v, step),
                Optional.of(new TrainStep.State(r.doubles(7).toArray(), r.doubles(7).toArray(), r.doubles(7).toArray(), 2L * step)));
    }

    static void model(Path dir, double[] theta) throws IOException {
        Files.writeString(dir.resolve("model.txt"), "θ0=" + theta[0]);
    }

    @Test
    void aSavedStateLoadsBackBitForBit() throws IOException {
        Checkpoints cps = new Checkpoints(run);
        TrainerState s = state(3, 11);
        Path dir = cps.save(s, CheckpointsTest::model);
        TrainerState back = Checkpoints.load(dir);
        assertThat(back.step()).isEqualTo(3);
        assertThat(back.dataCursor()).isEqualTo(24);
        assertThat(back.controller()).isEqualTo(s.controller());
        assertThat(back.actor().theta()).isEqualTo(s.actor().theta());
        assertThat(back.actor().m()).isEqualTo(s.actor().m());
        assertThat(back.actor().v()).isEqualTo(s.actor().v());
        assertThat(back.actor().steps()).isEqualTo(3);
        assertThat(back.critic().orElseThrow().theta()).isEqualTo(s.critic().orElseThrow().theta());
        assertThat(back.critic().orElseThrow().steps()).isEqualTo(6);
        assertThat(dir.resolve("model.txt")).exists();
        assertThat(Checkpoints.resolve(run)).isEqualTo(dir);
        cps.save(state(5, 12), CheckpointsTest::model);
        assertThat(Checkpoints.resolve(run).getFileName().toString()).isEqualTo("step-000005");
    }

    @Test
    void aDirectoryWithoutCheckpointsIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Checkpoints.resolve(run)).hasMessageContaining(run.toString());
    }

    @Test
    void aSaveKilledHalfWayLeavesThePreviousCheckpointUsable() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledSaveChild.class.getName(), run.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledSaveChild.HALF_WAY)) {
                // the child prints nothing else unless it fails
                assertThat(line).as("child output").isEmpty();
            }
            assertThat(line).as("the child reached the middle of its second save").isEqualTo(KilledSaveChild.HALF_WAY);
            child.destroyForcibly();                                                   // SIGKILL mid-save
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Checkpoints cps = new Checkpoints(run);
        try (Stream<Path> dirs = Files.list(cps.root())) {
            assertThat(dirs.map(d -> d.getFileName().toString())).anyMatch(n -> n.startsWith(Checkpoints.PARTIAL));
        }
        Path latest = Checkpoints.resolve(run);
        assertThat(latest.getFileName().toString()).isEqualTo("step-000001");
        TrainerState back = Checkpoints.load(latest);
        assertThat(back.actor().theta()).isEqualTo(state(1, KilledSaveChild.SEED).actor().theta());
        cps.save(state(2, 5), CheckpointsTest::model);                                 // the next save cleans up
        try (Stream<Path> dirs = Files.list(cps.root())) {
            assertThat(dirs.map(d -> d.getFileName().toString())).containsExactlyInAnyOrder("step-000001", "step-000002");
        }
    }
}

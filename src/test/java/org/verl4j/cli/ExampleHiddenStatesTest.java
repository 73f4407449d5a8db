package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.SvdRank;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped example: reproducible from its generator, the README's quick-start values are the definition's
 * ({@link SvdRank}), and the quick-start command (the fast path) reports them.
 */
class ExampleHiddenStatesTest {

    /**
     * SvdRank on the example (s 40, M 512), printed to 16 digits when this test was written. Java 17 double
     * arithmetic is reproducible (strictfp), except Math.log/exp, which may differ by an ulp between JVMs, and
     * EJML's SVD, backward stable to ≈ 1e-15·σ_max; ER's sensitivity (≤ 39·Σ|Δσ|/Σσ, CentredSpectrum's javadoc)
     * keeps all of that under 1e-12 relative, while a changed definition (one window shifted, ε moved) moves
     * ERV by more than 1e-3.
     */
    static final double ER = 21.02910916737673, ERV = 5.714317742297733, ERA = 0.5814400323632811;
    static final double PINNED = 1e-12;

    static final Path EXAMPLE = Path.of("benchmarks-data/example-hidden-states.npy");

    @TempDir
    Path dir;

    @Test
    void committedExampleIsExactlyWhatTheGeneratorWrites() throws IOException {
        Path again = dir.resolve("example.npy");
        ExampleHiddenStates.write(again);
        assertThat(Files.readAllBytes(EXAMPLE)).isEqualTo(Files.readAllBytes(again));
        assertThat(Files.size(EXAMPLE)).isLessThan(200_000);
    }

    @Test
    void readmeCommandMeasuresErvAndEraWithFourWindows() {
        CliRun run = CliRun.of("metrics", EXAMPLE.toString(), "--windows");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(1);
        JsonNode r = lines.get(0);
        assertThat(r.get("T").asInt()).isEqualTo(ExampleHiddenStates.ROWS);
        assertThat(r.get("erv_measured").asBoolean()).isTrue();
        assertThat(r.get("era_measured").asBoolean()).isTrue();
        assertThat(r.get("windows")).extracting(w -> w.get("end").asInt()).containsExactly(40, 80, 120, 160);
        assertThat(r.get("erv").asDouble()).as("the growing subspace makes ER rise").isPositive();
    }

    @Test
    void readmeQuickStartValuesAreTheDefinitions() {
        RankDynamics r = SvdRank.measure(example(), RankOptions.DEFAULTS, WindowSeries.KEEP);
        // README: "ER ≈ 21.03, ERV ≈ 5.71, ERA ≈ 0.58", two decimals, so within half a unit of the last digit
        assertThat(r.er()).isCloseTo(21.03, within(0.005));
        assertThat(r.erv()).isCloseTo(5.71, within(0.005));
        assertThat(r.era()).isCloseTo(0.58, within(0.005));
        assertThat(r.er()).isCloseTo(ER, within(PINNED * ER));
        assertThat(r.erv()).isCloseTo(ERV, within(PINNED * ERV));
        assertThat(r.era()).isCloseTo(ERA, within(PINNED * ERV));     // ERA relative to the ERs' scale, as ERV
    }

    @Test
    void quickStartCommandReportsTheDefinitionsValues() {
        CliRun run = CliRun.of("metrics", EXAMPLE.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.lines().get(0);
        // the fast path agrees with the definition to ≤ 1e-10 relative (FastPathTest); ERA relative to ERV's scale
        assertThat(r.get("er").asDouble()).isCloseTo(ER, within(1e-10 * ER));
        assertThat(r.get("erv").asDouble()).isCloseTo(ERV, within(1e-10 * ER));
        assertThat(r.get("era").asDouble()).isCloseTo(ERA, within(1e-10 * ER));
    }

    /** The example as the file holds it: the generator's values rounded to float32 (the first test pins the bytes). */
    static HiddenStates example() {
        double[] values = ExampleHiddenStates.values();
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return HiddenStates.ofFloats(ExampleHiddenStates.ROWS, ExampleHiddenStates.COLS, f);
    }
}

package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code verl4j analyze} on synthetic rollouts built so that the answer is known in closed form: response i repeats
 * k_i distinct token ids equally often, so its unigram entropy is ln k_i exactly; its log-probs all equal
 * −0.5·ln k_i + 0.1, so average log-prob is an exact decreasing line of the entropy (r = −1, R² = 1); its file
 * ER/ERV lie on ERV = 2·ER + 1 (r = +1).
 */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void exactLinesGivePerfectCorrelationsPlotsAndJson() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int k = 1 + i % 6, repeats = 2 + i % 3;
            double er = 3 + 0.7 * i;
            String erv = i == 11 ? "null" : Double.toString(2 * er + 1);        // one unmeasured ERV
            lines.add(line("p" + i, 0, k, repeats, -0.5 * Math.log(k) + 0.1, er, erv));
        }
        Path file = dir.resolve("rollouts.jsonl");
        Files.write(file, lines);
        CliRun run = CliRun.of("analyze", "--rollouts", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("unigram entropy vs average log-prob: r = -1.0000, R² = 1.0000")
                .contains("ER vs ERV: r = 1.0000, R² = 1.0000, Spearman ρ = 1.0000 (n = 11)");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/analysis.json").toFile());
        assertThat(json.get("responses").asInt()).isEqualTo(12);
        assertThat(json.at("/entropy_vs_logprob/r").asDouble()).isCloseTo(-1, within(1e-12));   // exact line, round-off only
        assertThat(json.at("/entropy_vs_logprob/r2").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(json.at("/er_vs_erv/n").asInt()).isEqualTo(11);
        for (String png : new String[]{"er_vs_erv.png", "entropy_vs_logprob.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve("out").resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(480);
        }
    }

    @Test
    void hiddenStatesAreMeasuredUnderTheGivenStride() throws IOException {
        Random random = new Random(17);                                        // fixed seed
        Path states = Files.createDirectories(dir.resolve("hidden"));
        List<String> lines = new ArrayList<>();
        RankOptions stride5 = RankOptions.DEFAULTS.withStride(5);
        double[] expectedEr = new double[4];
        for (int i = 0; i < 4; i++) {
            int t = 14 + 3 * i, d = 6;
            float[] z = new float[t * d];
            for (int j = 0; j < z.length; j++) z[j] = (float) random.nextGaussian();
            double[] widened = new double[z.length];
            for (int j = 0; j < z.length; j++) widened[j] = z[j];
            NpyWriter.writeDoubles(states.resolve("q" + i + "-1.npy"), DType.F32, new long[]{t, d}, widened);
            expectedEr[i] = ResponseRank.measure(HiddenStates.ofFloats(t, d, z), stride5).er();
            lines.add(line("q" + i, 1, 2 + i, 1, -0.3 * i - 0.2, 0, "null"));   // file ER/ERV ignored
        }
        Path file = dir.resolve("r.jsonl");
        Files.write(file, lines);
        CliRun run = CliRun.of("analyze", "--rollouts", file.toString(), "--hidden-states", states.toString(),
                "--stride", "5", "--out", dir.resolve("o").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("o/analysis.json").toFile());
        assertThat(json.get("erv_measured").asInt()).isEqualTo(4);             // T ≥ 2·5 + 1 for all four
        assertThat(json.at("/er_vs_erv/n").asInt()).isEqualTo(4);
        List<JsonNode> rows = CliRun.parse(Files.readString(dir.resolve("o/responses.jsonl")));
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).get("id").asText()).isEqualTo("q" + i);
            assertThat(rows.get(i).get("er").asDouble()).isCloseTo(expectedEr[i], within(1e-12));   // same rows, same code: plumbing
            assertThat(rows.get(i).get("unigram_entropy").asDouble()).isCloseTo(Math.log(2 + i), within(1e-12));
        }
    }

    @Test
    void tooFewMeasuredErvLeaveTheRankPairUndefinedAndBadLinesNameTheirNumber() throws IOException {
        Path file = dir.resolve("few.jsonl");
        Files.write(file, List.of(line("a", 0, 2, 2, -1, 3, "null"), line("b", 0, 3, 2, -2, 4, "null")));
        CliRun run = CliRun.of("analyze", "--rollouts", file.toString(), "--out", dir.resolve("f").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ER vs ERV: undefined (0 of 2 responses");
        assertThat(dir.resolve("f/er_vs_erv.png")).doesNotExist();

        Files.write(file, List.of(line("a", 0, 2, 2, -1, 3, "4"), "{\"id\":\"b\",\"token_ids\":[1,2],\"logprobs\":[-1]}"));
        CliRun bad = CliRun.of("analyze", "--rollouts", file.toString(), "--out", dir.resolve("g").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("verl4j: error: " + file + " line 2: b-0: 2 token ids but 1 log-probs");
    }

    /** A generate-style line: k distinct ids, each {@code repeats} times, every log-prob {@code logp}. */
    private static String line(String id, int sample, int k, int repeats, double logp, double er, String erv) {
        StringBuilder ids = new StringBuilder(), lps = new StringBuilder();
        for (int r = 0; r < repeats; r++)
            for (int v = 0; v < k; v++) {
                if (ids.length() > 0) {
                    ids.append(',');
                    lps.append(',');
                }
                ids.append(4 + v);
                lps.append(logp);
            }
        return "{\"id\":\"" + id + "\",\"sample\":" + sample + ",\"text\":\"\",\"token_ids\":[" + ids + "],\"logprobs\":["
                + lps + "],\"finish_reason\":\"stop\",\"er\":" + er + ",\"erv\":" + erv + ",\"era\":null}";
    }
}

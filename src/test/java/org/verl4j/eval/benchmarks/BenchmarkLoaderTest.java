package org.verl4j.eval.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads every set under ../shared/data/benchmarks; expected counts are the files' line counts ({@code wc -l}). */
class BenchmarkLoaderTest {

    private static final Map<Benchmark, Integer> LINES = Map.ofEntries(
            Map.entry(Benchmark.AIME24, 30), Map.entry(Benchmark.AIME25, 30), Map.entry(Benchmark.AMC23, 40),
            Map.entry(Benchmark.AMC24, 45), Map.entry(Benchmark.ASDIV, 2215), Map.entry(Benchmark.CARP_EN, 976),
            Map.entry(Benchmark.CMATH, 600), Map.entry(Benchmark.GAOKAO2024_I, 14),
            Map.entry(Benchmark.GAOKAO2024_II, 14), Map.entry(Benchmark.GAOKAO2024_MIX, 91),
            Map.entry(Benchmark.GAOKAO_MATH_CLOZE, 118), Map.entry(Benchmark.GSM8K, 1319),
            Map.entry(Benchmark.MATH500, 500), Map.entry(Benchmark.MAWPS, 2065), Map.entry(Benchmark.MINERVA_MATH, 272),
            Map.entry(Benchmark.OLYMPIADBENCH, 675), Map.entry(Benchmark.SVAMP, 1000));

    private static final Map<Benchmark, List<BenchmarkItem>> LOADED = new java.util.EnumMap<>(Benchmark.class);

    private static synchronized List<BenchmarkItem> load(Benchmark b) {
        SharedDir.require("data/benchmarks/" + b.dirName() + "/test.jsonl");
        return LOADED.computeIfAbsent(b, k -> BenchmarkLoader.load(SharedDir.require("data/benchmarks"), k));
    }

    private static Map<String, BenchmarkItem> byId(Benchmark b) {
        return load(b).stream().collect(Collectors.toMap(BenchmarkItem::id, Function.identity()));
    }

    @ParameterizedTest
    @EnumSource(Benchmark.class)
    void everySetLoadsWholeWithQuestionsAnswersAndDistinctIds(Benchmark b) {
        List<BenchmarkItem> items = load(b);
        assertThat(items).hasSize(LINES.get(b));
        Set<String> ids = new HashSet<>();
        for (BenchmarkItem it : items) {
            assertThat(it.dataset()).isEqualTo(b.dirName());
            assertThat(it.question()).isNotBlank();
            assertThat(it.answer()).isNotBlank();
            if (it.isMultipleChoice()) assertThat(it.answer()).matches("[A-D]+");
            ids.add(it.id());
        }
        assertThat(ids).hasSize(items.size());
    }

    @Test
    void gradeSchoolSetsSplitAnswersFromTheirWorking() {
        Map<String, BenchmarkItem> gsm8k = byId(Benchmark.GSM8K);
        assertThat(gsm8k.get("0").answer()).isEqualTo("18");
        assertThat(gsm8k.get("0").solution()).hasValueSatisfying(s -> assertThat(s).startsWith("Janet sells 16 - 3 - 4"));
        assertThat(gsm8k.get("146").answer()).isEqualTo("2125");               // " 2,125" in the file
        assertThat(gsm8k.get("201").answer()).isEqualTo("114200");

        Map<String, BenchmarkItem> asdiv = byId(Benchmark.ASDIV);
        assertThat(asdiv.get("0").question())
                .isEqualTo("Seven red apples and two green apples are in the basket. How many apples are in the basket?");
        assertThat(asdiv.get("0").answer()).isEqualTo("9");                    // "9 (apples)"
        assertThat(asdiv.get("75").question()).endsWith("Does she have enough to make a pie? (Yes or No)");

        BenchmarkItem svamp = byId(Benchmark.SVAMP).get("chal-777");
        assertThat(svamp.question()).isEqualTo("There are 87 oranges and 290 bananas in Philip's collection. If the "
                + "bananas are organized into 2 groups and oranges are organized into 93 groups. "
                + "How big is each group of bananas?");
        assertThat(svamp.answer()).isEqualTo("145");                           // 145.0
        assertThat(svamp.solution()).contains("( 290.0 / 2.0 )");

        assertThat(byId(Benchmark.MAWPS).get("0").answer()).isEqualTo("43");    // 43.0
        assertThat(byId(Benchmark.MAWPS).get("205").answer()).isEqualTo("11.5");
    }

    @Test
    void competitionSetsKeepTheirIdsAndAnswers() {
        assertThat(byId(Benchmark.AMC23).get("0").answer()).isEqualTo("27");
        assertThat(byId(Benchmark.AMC24).get("2024 AMC 12A #1").answer()).isEqualTo("2");
        assertThat(byId(Benchmark.AIME24).get("60").question()).startsWith("Every morning Aya goes for a $9$-kilometer");
        assertThat(load(Benchmark.AIME25).get(0).answer()).isEqualTo("70");
        assertThat(byId(Benchmark.MATH500).get("test/precalculus/807.json").answer())
                .isEqualTo("\\left( 3, \\frac{\\pi}{2} \\right)");
        assertThat(byId(Benchmark.MINERVA_MATH).get("0").answer()).isEqualTo("1.6");   // \boxed{1.6} in the solution
        assertThat(byId(Benchmark.OLYMPIADBENCH).get("1606").answer()).isEqualTo("2");
        assertThat(byId(Benchmark.OLYMPIADBENCH).get("1610").answer()).isEqualTo("\\frac{1}{2 n+2}");
        assertThat(load(Benchmark.CARP_EN).get(0).answer()).isEqualTo("b ^ { 2 } - 9 a ^ { 2 }");
        assertThat(load(Benchmark.GAOKAO_MATH_CLOZE).get(1).answer()).isEqualTo("5;10");   // "$5$;$10$"
    }

    @Test
    void math500AnswersAreTheLastBoxOfTheirSolutions() {
        for (BenchmarkItem it : load(Benchmark.MATH500))
            assertThat(it.solution().flatMap(org.verl4j.grader.BoxedAnswer::lastBoxed)).as(it.id()).contains(it.answer());
    }

    @Test
    void gaokaoChoiceItemsCarryTheirOptionLetters() {
        List<BenchmarkItem> one = load(Benchmark.GAOKAO2024_I);
        assertThat(one.get(0).answer()).isEqualTo("A");
        assertThat(one.get(0).choices()).containsExactly("A", "B", "C", "D");
        assertThat(one.get(8).answer()).isEqualTo("BC");                       // type "multi"
        assertThat(one.get(11).answer()).isEqualTo("3/2");                     // type "blank"
        assertThat(one.get(11).isMultipleChoice()).isFalse();

        Map<String, BenchmarkItem> mix = byId(Benchmark.GAOKAO2024_MIX);
        assertThat(mix.get("0").answer()).isEqualTo("C");
        assertThat(mix.get("0").isMultipleChoice()).isTrue();
        assertThat(mix.get("10").answer()).isEqualTo("(4,0)");                 // empty choice_answer
        assertThat(mix.get("10").isMultipleChoice()).isFalse();
    }

    @Test
    void loadAvailableReadsExactlyTheSetsPresent(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("aime25"));
        Files.createDirectories(root.resolve("gsm8k"));
        Files.createDirectories(root.resolve("math500"));                     // a directory without test.jsonl
        Files.write(root.resolve("aime25/test.jsonl"), List.of("{\"question\":\"q1\",\"answer\":\"1\"}",
                "{\"question\":\"q2\",\"answer\":\"2\"}"));
        Files.write(root.resolve("gsm8k/test.jsonl"), List.of("{\"question\":\"q\",\"answer\":\"a #### 3\",\"idx\":7}"));
        Map<Benchmark, List<BenchmarkItem>> all = BenchmarkLoader.loadAvailable(root);
        assertThat(all.keySet()).containsExactly(Benchmark.AIME25, Benchmark.GSM8K);
        assertThat(all.get(Benchmark.AIME25)).extracting(BenchmarkItem::id).containsExactly("0", "1");
        assertThat(all.get(Benchmark.GSM8K).get(0).answer()).isEqualTo("3");
        assertThat(all.get(Benchmark.GSM8K).get(0).id()).isEqualTo("7");
    }

    @Test
    void malformedLinesAreErrorsNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("test.jsonl");
        Files.write(file, List.of("{\"question\":\"1+1?\",\"answer\":\"2\",\"idx\":0}", "", "{\"question\":"));
        assertThatThrownBy(() -> BenchmarkLoader.read(file, Benchmark.GSM8K))
                .hasMessageStartingWith(file + " line 1 (gsm8k)").hasMessageContaining("'answer'");
        Files.write(file, List.of("{\"question\":\"1+1?\",\"answer\":\"so #### 2\",\"idx\":0}", "", "{\"question\":"));
        assertThatThrownBy(() -> BenchmarkLoader.read(file, Benchmark.GSM8K)).hasMessageStartingWith(file + " line 3");
        Files.write(file, List.of("{\"problem\":\"p\",\"solution\":\"no box here\",\"idx\":0}"));
        assertThatThrownBy(() -> BenchmarkLoader.read(file, Benchmark.MINERVA_MATH)).hasMessageContaining("\\boxed{}");
        Files.write(file, List.of("{\"question\":\"q\",\"answer\":\"  \"}"));
        assertThatThrownBy(() -> BenchmarkLoader.read(file, Benchmark.AIME25)).hasMessageContaining("empty answer");
        Files.write(file, List.of("[1, 2]"));
        assertThatThrownBy(() -> BenchmarkLoader.read(file, Benchmark.AIME25)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Benchmark.named("mmlu")).hasMessageContaining("unknown benchmark 'mmlu'");
    }
}

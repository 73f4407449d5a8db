package org.verl4j.sft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.Evaluator;
import org.verl4j.io.AtomicFile;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.tasks.ReasoningTask;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code verl4j sft}: the supervised warm-start job from one {@link SftPlan}, as {@code trainer.Trainer} is the RL
 * job. It
 * <pre>
 * problems  = the plan's data, held-out prompts dropped                    (file, or SftData.generated)
 * θ₀        = the plan's start (a model directory, or LlamaShape.initialise over the task's alphabet)
 * L_before  = SftLoss on the eval problems                                 (when the plan has some)
 * θ         = SupervisedFineTuning.run(θ₀, problems, config)               progress every logEvery steps
 * writes out/ (CharModelDirectory), out/step-N every saveEvery steps, out/sft.json
 * L_after, greedy pass@1 of the written model on the eval problems (task verifier, template chat)
 * </pre>
 * The resolved settings are printed as one JSON line at the start and, with the results, at the end.
 */
public final class SftRun {

    /** What a finished run reports: the settings and results of {@code sft.json}, as written. */
    public record Result(Path out, ObjectNode record) {
    }

    private final SftPlan plan;
    private final PrintWriter stdout, log;

    /** {@code stdout} gets the settings and result lines, {@code log} the progress. */
    public SftRun(SftPlan plan, PrintWriter stdout, PrintWriter log) {
        this.plan = plan;
        this.stdout = stdout;
        this.log = log;
    }

    public Result run() throws IOException {
        long start = System.nanoTime();
        List<Problem> heldOut = new ArrayList<>();
        for (Path f : plan.exclude()) heldOut.addAll(ProblemJsonl.read(f));
        List<Problem> problems = plan.data() instanceof SftPlan.FromFile f
                ? dropHeldOut(ProblemJsonl.read(f.train()), heldOut)
                : generated((SftPlan.Generated) plan.data(), heldOut);
        if (problems.isEmpty()) throw new IllegalArgumentException("no training problems left after --exclude");
        CharModelDirectory initial = initialModel(problems.get(0));
        CharTokenizer tokenizer = initial.tokenizer();
        SftConfig config = plan.config();
        List<SftExample> examples = examples(problems, tokenizer);
        List<Problem> evalProblems = plan.eval().isPresent() ? ProblemJsonl.read(plan.eval().get()) : List.of();
        List<SftExample> evalExamples = examples(evalProblems, tokenizer);
        ObjectNode record = SftSettings.of(plan, initial.weights().config(), problems.size());
        stdout.println(record.toString());
        stdout.flush();
        OptionalDouble evalBefore = evalExamples.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(
                SftLoss.of(initial.weights(), evalExamples, config.aggregation(), config.batchSize(), plan.runnerOptions()));
        SupervisedFineTuning.Result result = SupervisedFineTuning.run(initial.weights(), examples, config,
                plan.runnerOptions(), (step, loss, norm, weights) -> {
                    if (step % plan.logEvery() == 0 || step == config.steps()) {
                        log.printf("step %d/%d  loss %.4f  grad-norm %.3f  %.0f s%n", step, config.steps(), loss,
                                norm, (System.nanoTime() - start) / 1e9);
                        log.flush();
                    }
                    int every = plan.saveEvery().orElse(0);
                    if (every > 0 && step % every == 0 && step < config.steps())
                        save(new CharModelDirectory(weights.get(), tokenizer), plan.out().resolve("step-" + step));
                });
        new CharModelDirectory(result.weights(), tokenizer).write(plan.out());
        double[] losses = result.losses();
        record.put("first_loss", losses[0]);
        record.put("last_loss", losses[losses.length - 1]);
        if (evalBefore.isPresent()) {
            record.put("eval_loss_before", evalBefore.getAsDouble());
            record.put("eval_loss_after", SftLoss.of(result.weights(), evalExamples, config.aggregation(),
                    config.batchSize(), plan.runnerOptions()));
            record.put("eval_greedy_pass@1", greedyPassAtOne(evalProblems, evalExamples));
        }
        record.put("wall_seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
        AtomicFile.write(plan.out().resolve("sft.json"), o -> o.write(bytes));
        stdout.println(record.toString());
        return new Result(plan.out(), record);
    }

    /**
     * Greedy pass@1 of the model just written to the plan's out directory on {@code problems}, through the rollout
     * engine and the evaluator (each problem graded by its task's verifier); at most twice the longest target + 16
     * new tokens.
     */
    private double greedyPassAtOne(List<Problem> problems, List<SftExample> examples) {
        int longest = 0;
        for (SftExample e : examples) longest = Math.max(longest, e.response().length);
        List<EvalItem> items = new ArrayList<>();
        for (Problem p : problems)
            items.add(EvalItem.of(p.task() + "-l" + p.level(), ReasoningTask.of(p.task(), p.level()), p));
        try (RolloutEngine engine = RolloutEngine.open(plan.out(), EngineOptions.cpu(plan.threads()).withOrt(plan.runnerOptions()))) {
            EvalReport report = new Evaluator(engine, PromptFormat.CHAT, 1, 5000)
                    .evaluate(items, new SamplingConfig(1, 0.0, 1.0, 0, 0.0, 2 * longest + 16, 1));
            return report.average().get("pass@1");
        }
    }

    private CharModelDirectory initialModel(Problem first) throws IOException {
        if (plan.start() instanceof SftPlan.FromModel m) {
            if (Files.exists(plan.out()) && Files.isSameFile(m.dir(), plan.out()))
                throw new IllegalArgumentException("--out must differ from --init (refusing to overwrite " + m.dir() + ")");
            return CharModelDirectory.read(m.dir());
        }
        SftPlan.Fresh fresh = (SftPlan.Fresh) plan.start();
        CharTokenizer tokenizer = CharTokenizer.of(ReasoningTask.of(first.task(), first.level()).alphabet(), 2048);
        return new CharModelDirectory(LlamaShape.initialise(fresh.shape().config(tokenizer), fresh.seed()), tokenizer);
    }

    private static List<Problem> generated(SftPlan.Generated g, List<Problem> heldOut) {
        return SftData.generated(ReasoningTask.of(g.task(), g.level()), g.problems(), g.dataSeed(), heldOut);
    }

    private static void save(CharModelDirectory model, Path dir) {
        try {
            model.write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Problem> dropHeldOut(List<Problem> problems, List<Problem> heldOut) {
        Set<String> held = new HashSet<>();
        heldOut.forEach(p -> held.add(p.prompt()));
        return problems.stream().filter(p -> !held.contains(p.prompt())).toList();
    }

    private static List<SftExample> examples(List<Problem> problems, CharTokenizer tokenizer) {
        List<SftExample> out = new ArrayList<>(problems.size());
        for (Problem p : problems) out.add(SftExample.of(p, tokenizer));
        return out;
    }
}

package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.OrtRunner;
import org.verl4j.io.AtomicFile;
import org.verl4j.io.DType;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.Device;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.TrainedCheckpoint;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.RolloutSource;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.shaping.ControllerState;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.trainstep.TrainStep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verl4j train}: the RLVR loop with VERL (ALGORITHM.md §6–§8) from one {@link TrainerConfig}. Each step:
 * <pre>
 * prompts   = DataCursor.take(cursor, rollout.prompts)                       seeded stream over train.jsonl
 * rollouts  = engine.generate(prompts, n, seed(u))                           with ER/ERV/ERA and hidden states
 * s_i       = task reward of the verifier's verdict                          ALGORITHM.md §8
 * A         = AdvantageStage (estimator, VERL controller or entropy bonus)   ALGORITHM.md §6–§7
 * ref       = log π_θ₀(y) through the log-prob graph (only when optim.kl_coeff &gt; 0)
 * ppo-gae:  V = critic values before A (GAE), critic update on the returns after the actor's
 * θ         = PolicyUpdate (PPO over mini-/micro-batches, old log-probs = the rollout's)
 * engine.setPolicy(θ)
 * </pre>
 * then {@code steps.jsonl}, periodic held-out pass@k, periodic atomic checkpoints; at the end plots and summaries.
 * The run directory holds {@code config.json}, {@code initial_eval.json}, {@code steps.jsonl},
 * {@code checkpoints/}, {@code plots/}, {@code summary.json}, {@code summary.md}.
 */
public final class Trainer implements AutoCloseable {

    /** What a finished run reports. */
    public record Result(Path runDir, EvalScores initial, EvalScores last, List<StepRecord> steps, double wallSeconds) {
    }

    private static final long EVAL_SEED_OFFSET = 0x5EEDL;
    private final TrainerConfig config;
    private final Path runDir;
    private final PrintWriter log;
    private final ModelConfig model;
    private final List<Problem> train, test;
    private final RolloutSource engine;
    private final TrainStep actor;
    private final Optional<ReferencePolicy> reference;                     // only with a KL coefficient > 0
    private final Optional<Critic> critic;                                 // only for ppo-gae

    /** Opens the model, the data and the sessions, rollouts from a {@link RolloutEngine} in this JVM; nothing is written yet. */
    public Trainer(TrainerConfig config, Path runDir, PrintWriter log) throws IOException {
        this(config, runDir, log, RolloutEngine::open);
    }

    /**
     * Opens the model, the data and the sessions, rollouts (and held-out evaluations) from {@code rollouts} — the
     * learner (actor, reference, critic) stays in this JVM; nothing is written yet.
     */
    public Trainer(TrainerConfig config, Path runDir, PrintWriter log, RolloutSource.Factory rollouts) throws IOException {
        this.config = config;
        this.runDir = runDir;
        this.log = log;
        this.train = ProblemJsonl.read(config.data().resolve("train.jsonl"));
        List<Problem> allTest = ProblemJsonl.read(config.data().resolve("test.jsonl"));
        int k = config.schedule().evalProblems();
        this.test = k == 0 || k >= allTest.size() ? allTest : allTest.subList(0, k);
        DecoderWeights weights = DecoderWeights.load(config.model());
        this.model = weights.config();
        OrtRunner.Options ort = Device.parse(config.machine().device()).runnerOptions(config.machine().threads());
        this.engine = rollouts.open(config.model(), EngineOptions.cpu(config.machine().threads()).withOrt(ort)
                .withRank(config.rank()).withMetricThreads(config.machine().threads())
                .withRetention(EngineOptions.Retention.MEAN_ROW));
        float[] flat = weights.flatten();
        double[] theta0 = new double[flat.length];
        for (int i = 0; i < flat.length; i++) theta0[i] = flat[i];
        this.actor = new TrainStep(ElementType.FLOAT, DecoderForward.layout(model), new DecoderForward(model),
                config.actorStep(), theta0, ort);
        this.reference = config.optim().actorLoss().klCoeff() > 0
                ? Optional.of(new ReferencePolicy(model, theta0, ort)) : Optional.empty();
        this.critic = config.algorithm().needsCritic()
                ? Optional.of(new Critic(model, weights, Critic.stepConfig(config), ort)) : Optional.empty();
    }

    /** Runs from the start ({@code resume} empty) or from a checkpoint, to {@code train.steps}. */
    public Result run(Optional<Path> resume) throws IOException {
        long start = System.nanoTime();
        if (resume.isEmpty() && new Checkpoints(runDir).latest().isPresent())
            throw new IllegalArgumentException("run directory " + runDir + " already holds a run with checkpoints: "
                    + "continue it with --resume " + runDir + ", or choose another --out");
        Files.createDirectories(runDir);
        byte[] resolved = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(config.values().toJson());
        AtomicFile.write(runDir.resolve("config.json"), out -> out.write(resolved));
        log.print(config.values().render());
        log.println("run directory: " + runDir);
        TrainerState state = new TrainerState(0, 0, ControllerState.initial(), actor.state(), critic.map(Critic::state));
        if (resume.isPresent()) {
            Path cp = Checkpoints.resolve(resume.get());
            state = Checkpoints.load(cp);
            actor.restore(state.actor());
            if (critic.isPresent() != state.critic().isPresent())
                throw new IllegalArgumentException(cp + (critic.isPresent() ? " has no critic state (algorithm ppo-gae needs one)"
                        : " holds a critic state but the algorithm is " + config.algorithm().label()));
            for (Critic c : critic.stream().toList()) c.restore(state.critic().orElseThrow());
            engine.setPolicy(state.actor().theta());
            log.println("resumed from " + cp + " at step " + state.step());
        }
        EvalScores initial = initialEval(state.step());
        Checkpoints checkpoints = new Checkpoints(runDir);
        DataCursor<Problem> cursor = new DataCursor<>(train, config.machine().seed());
        int steps = config.schedule().steps();
        ProgressBar bar = new ProgressBar(log, state.step(), steps);
        EvalScores last = initial;
        try (StepLog stepLog = new StepLog(runDir.resolve("steps.jsonl"), state.step())) {
            while (state.step() < steps) {
                int u = state.step() + 1;
                StepOutcome o = step(u, cursor, state);
                state = o.state();
                StepRecord record = o.record();
                boolean lastStep = u == steps;
                int every = config.schedule().evalEvery();
                if (every > 0 && u % every == 0 && !lastStep) {
                    last = evaluate(u);
                    record = record.withEvalPass1(last.pass1());
                }
                stepLog.append(record);
                int cpEvery = config.schedule().checkpointEvery();
                if (lastStep || (cpEvery > 0 && u % cpEvery == 0)) checkpoints.save(state, this::writeModel);
                bar.update(u, String.format(Locale.ROOT, "reward %.3f  acc %.2f  aux %.4f",
                        record.reward().mean(), record.reward().accuracy(), record.shaping().auxMean()));
            }
            last = evaluate(state.step());
            List<StepRecord> records = stepLog.records();
            RunPlots.write(runDir.resolve("plots"), records);
            double wall = (System.nanoTime() - start) / 1e9;
            new RunSummary(config, initial, last, wall, records, RunSummary.measurePeakRssMb()).write(runDir);
            log.print(new RunSummary(config, initial, last, wall, records, OptionalDouble.empty()).markdown(runDir));
            log.flush();
            return new Result(runDir, initial, last, records, wall);
        }
    }

    private record StepOutcome(TrainerState state, StepRecord record) {
    }

    private StepOutcome step(int u, DataCursor<Problem> cursor, TrainerState state) {
        long t0 = System.nanoTime();
        int n = config.rollout().n();
        List<Problem> problems = cursor.take(state.dataCursor(), config.rollout().prompts());
        List<Prompt> prompts = new ArrayList<>();
        for (Problem p : problems) prompts.add(prompt(p));
        long seed = DataCursor.samplingSeed(config.machine().seed(), u);
        List<Rollout> rollouts = engine.generate(prompts, sampling(n, seed));
        double metricWait = engine.metricWaitSeconds();
        long t1 = System.nanoTime();
        Graded graded = Graded.of(rollouts, problems, n, engine.tokenizer(), config.reward());
        long t2 = System.nanoTime();
        DatasetRank dataset = StepReport.datasetRank(rollouts, config.datasetStride());
        int[][] promptIds = new int[rollouts.size()][], responses = new int[rollouts.size()][];
        double[][] old = new double[rollouts.size()][];
        for (int i = 0; i < rollouts.size(); i++) {
            Rollout r = rollouts.get(i);
            promptIds[i] = prompts.get(i / n).tokenIds();
            responses[i] = r.tokenIds();
            old[i] = new double[r.length()];
            for (int t = 0; t < r.length(); t++) old[i][t] = r.logProbs()[t];
        }
        int chunk = config.optim().microBatchSize();
        Sequences sequences = new Sequences(promptIds, responses, engine.tokenizer().padId());
        Optional<double[][]> values = critic.map(c -> c.values(sequences, chunk));
        AdvantageStage.Outcome adv = AdvantageStage.run(config, rollouts, graded.scores(), state.controller(), values);
        long t3 = System.nanoTime();
        double[][] ref = reference.isEmpty() ? old                        // KL weighted 0: any finite values
                : reference.get().logProbs(sequences, chunk);
        PpoBatch batch = new PpoBatch(sequences, old, ref, adv.advantages());
        Optional<StepRecord.CriticUpdate> criticUpdate = critic.map(c -> c.update(
                new CriticBatch(sequences, values.orElseThrow(), adv.returns()), config, seed, u));
        StepRecord.Update update = PolicyUpdate.run(actor, batch, config, seed, u);
        TrainStep.State next = actor.state();
        engine.setPolicy(next.theta());
        long t4 = System.nanoTime();
        StepRecord.Timings time = new StepRecord.Timings((t1 - t0) / 1e9 - metricWait, metricWait + (t3 - t2) / 1e9,
                metricWait, (t3 - t2) / 1e9, (t2 - t1) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9);
        StepRecord record = new StepRecord(u, StepReport.rewards(graded, n), StepReport.responses(rollouts), update,
                StepReport.rank(rollouts, graded.correct(), dataset), StepReport.shaping(rollouts, adv), time, criticUpdate,
                OptionalDouble.empty());
        TrainerState after = new TrainerState(u, state.dataCursor() + problems.size(), adv.controller(), next,
                critic.map(Critic::state));
        return new StepOutcome(after, record);
    }

    private Prompt prompt(Problem p) {
        return new Prompt(p.id(), engine.tokenizer().encode(config.template().render(p.prompt(), engine.tokenizer())));
    }

    private SamplingConfig sampling(int n, long seed) {
        TrainerConfig.Rollout r = config.rollout();
        return new SamplingConfig(n, r.temperature(), r.topP(), r.topK(), 0.0, r.maxNewTokens(), seed);
    }

    private EvalScores evaluate(int step) {
        return HeldOutEval.run(engine, config.data().getFileName().toString(), test, config.template(),
                sampling(config.schedule().evalN(), config.machine().seed() + EVAL_SEED_OFFSET), config.machine().threads(), step);
    }

    /** The initial policy's scores: evaluated and saved on a fresh run, read back on a resumed one. */
    private EvalScores initialEval(int resumedAt) throws IOException {
        Path file = runDir.resolve("initial_eval.json");
        ObjectMapper json = new ObjectMapper();
        if (resumedAt > 0 && Files.exists(file)) {
            JsonNode o = json.readTree(file.toFile());
            Map<String, Double> pass = new LinkedHashMap<>();
            o.get("pass").fields().forEachRemaining(e -> pass.put(e.getKey(), e.getValue().asDouble()));
            return new EvalScores(0, o.get("problems").asInt(), o.get("n").asInt(), pass);
        }
        if (resumedAt > 0) throw new IllegalArgumentException(runDir + " has no initial_eval.json to resume with");
        EvalScores e = evaluate(0);
        var o = json.createObjectNode().put("problems", e.problems()).put("n", e.n());
        var pass = o.putObject("pass");
        e.passAtK().forEach(pass::put);
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        AtomicFile.write(file, out -> out.write(bytes));
        log.println("initial " + e.passAtK());
        return e;
    }

    private void writeModel(Path dir, double[] theta) throws IOException {
        TrainedCheckpoint.write(config.model(), DecoderWeights.unflatten(model, theta), dir, DType.F32);
    }

    @Override
    public void close() {
        try {
            actor.close();
            reference.ifPresent(ReferencePolicy::close);
            critic.ifPresent(Critic::close);
        } finally {
            engine.close();
        }
    }
}

package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.Evaluator;
import org.verl4j.eval.ProblemResult;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.RolloutEngine;

import java.util.List;

/**
 * The executor side of the eval job: one slice of items in, their {@link ProblemResult}s out, computed by the CLI's
 * own {@link Evaluator#results} on this JVM's engine ({@link ExecutorEngines}) with the slice's first index, so each
 * item is prompted under the id {@code verl4j eval} gives it and samples the same random streams. A failure (the
 * model cannot be loaded, a prompt exceeds the context) comes back as a message, not as an executor stack trace.
 */
final class EvalTask {

    private EvalTask() {
    }

    /** The slice's results, its prompts padded to {@code width}, the whole item list's ({@link #width}). */
    static SliceOutcome<ProblemResult> run(Slice<EvalItem> slice, int width, EvalSettings settings, Configuration conf) {
        return SliceOutcome.run(slice, settings.engine(), conf, engine ->
                evaluator(engine, settings).results(slice.items(), slice.first(), settings.sampling(), width));
    }

    /** The slice's prompt width (its longest prompt in tokens), as one result. */
    static SliceOutcome<Integer> width(Slice<EvalItem> slice, EvalSettings settings, Configuration conf) {
        return SliceOutcome.run(slice, settings.engine(), conf, engine -> {
            List<Prompt> prompts = evaluator(engine, settings).prompts(slice.items(), slice.first());
            engine.checkContext(prompts);                                // an over-long prompt is named here, once
            return List.of(Prompt.longest(prompts));
        });
    }

    private static Evaluator evaluator(RolloutEngine engine, EvalSettings settings) {
        return new Evaluator(engine, settings.format(), settings.graderThreads(), settings.timeoutMillis());
    }
}

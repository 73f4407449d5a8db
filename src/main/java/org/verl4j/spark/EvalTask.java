package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.Evaluator;
import org.verl4j.eval.ProblemResult;

import java.io.IOException;
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

    static SliceOutcome<ProblemResult> run(Slice<EvalItem> slice, EvalSettings settings, Configuration conf) {
        try {
            List<ProblemResult> results = ExecutorEngines.use(settings.engine(), conf, engine ->
                    new Evaluator(engine, settings.format(), settings.graderThreads(), settings.timeoutMillis())
                            .results(slice.items(), slice.first(), settings.sampling()));
            return new SliceOutcome.Done<>(slice.first(), results);
        } catch (IOException | RuntimeException e) {
            return SliceOutcome.failed(slice, settings.engine(), e);
        }
    }
}

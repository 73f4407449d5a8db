package org.verl4j.sft;

import org.verl4j.graph.OrtRunner;
import org.verl4j.model.Device;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one {@code verl4j sft} run needs, resolved: where the problems come from, where the weights start, the
 * optimisation settings, the held-out checks and where the model goes.
 *
 * @param data      the training problems
 * @param exclude   held-out problem files (JSON Lines): problems with these prompts are never trained on
 * @param start     the initial weights
 * @param config    steps, batch, AdamW, aggregation, data-order seed
 * @param eval      held-out problems for the loss before/after and the trained model's greedy pass@1
 * @param logEvery  print the loss every this many steps (≥ 1), and at the last
 * @param saveEvery also write the model every this many steps to {@code out/step-N} (empty: never)
 * @param out       the output model directory
 * @param device    where ONNX Runtime runs
 * @param threads   ONNX Runtime intra-op threads (≥ 1)
 */
public record SftPlan(Data data, List<Path> exclude, Start start, SftConfig config, Optional<Path> eval, int logEvery,
                      OptionalInt saveEvery, Path out, Device device, int threads) {

    /** Where the training problems come from. */
    public sealed interface Data permits FromFile, Generated {
    }

    /** A task split written by {@code verl4j tasks generate} (held-out prompts dropped). */
    public record FromFile(Path train) implements Data {
    }

    /** {@code problems} distinct problems drawn from a task's generator ({@link SftData#generated}). */
    public record Generated(String task, int level, int problems, long dataSeed) implements Data {
    }

    /** Where the weights start. */
    public sealed interface Start permits FromModel, Fresh {
    }

    /** A char-level model directory (its shape and tokenizer included). */
    public record FromModel(Path dir) implements Start {
    }

    /** A fresh seeded Llama of {@code shape} over the task's alphabet ({@link LlamaShape#initialise}). */
    public record Fresh(LlamaShape shape, long seed) implements Start {
    }

    public SftPlan {
        exclude = List.copyOf(exclude);
        if (logEvery < 1) throw new IllegalArgumentException("--log-every must be ≥ 1, got " + logEvery);
        if (saveEvery.isPresent() && saveEvery.getAsInt() < 1)
            throw new IllegalArgumentException("--save-every must be ≥ 1 (or 0 for never), got " + saveEvery.getAsInt());
        if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
    }

    /** ONNX Runtime's session options for this plan's device and threads. */
    OrtRunner.Options runnerOptions() {
        return device.runnerOptions(threads);
    }
}

package org.verl4j.trainer;

import org.verl4j.io.DType;
import org.verl4j.model.Architecture;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.RandomWeights;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.DigitCompletionTask;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Short training runs on a tiny random Llama (d = 16, 2 layers, the 16-id char vocabulary of the digit-completion
 * models) over the committed digit-completion-l1 split: small enough for the unit suite (a step is well under a second).
 */
public final class TinyRuns {

    private TinyRuns() {
    }

    /** Writes a random tiny model (weights seed 7) as a Hugging Face directory with a char_ords tokenizer. */
    public static Path model(Path dir) throws IOException {
        ModelConfig c = new ModelConfig(Architecture.LLAMA, 16, 35, 2, 2, 1, 8, 1e-6, 10000.0, 16, false, false, false,
                512, -1, List.of(CharTokenizer.EOS), "float32");
        RandomWeights.of(c, new Random(7)).save(dir, DType.F32);
        CharTokenizer.of(DigitCompletionTask.ALPHABET, 2048).writeConfig(dir.resolve("tokenizer_config.json"));
        return dir;
    }

    /** The keys of a tiny run (stride 2 so that 6-token responses have ERV/ERA), then {@code extra}. */
    static TrainerConfig config(Path model, Path out, String... extra) {
        List<String> sets = new ArrayList<>(List.of("model.dir=" + model, "data.dir=benchmarks-data/digit-completion-l1",
                "rollout.prompts=4", "rollout.n=4", "rollout.max_new_tokens=6", "optim.micro_batch_size=4",
                "optim.mini_batches=2", "rank.stride=2", "data.eval_problems=4", "eval.n=2", "threads=1",
                "optim.lr=1e-2", "checkpoint.every=2", "out.dir=" + out));
        sets.addAll(List.of(extra));
        return TrainerConfig.of(ConfigValues.resolve(null, sets));
    }

    /** {@code r} with its wall-clock times zeroed: what two runs of the same configuration must agree on. */
    static StepRecord withoutTimes(StepRecord r) {
        return new StepRecord(r.step(), r.reward(), r.response(), r.actor(), r.rank(), r.shaping(),
                new StepRecord.Timings(0, 0, 0, 0, 0, 0, 0), r.critic(), r.evalPass1());
    }

    static Trainer.Result run(TrainerConfig c, Optional<Path> resume) throws IOException {
        try (Trainer t = new Trainer(c, c.out(), new PrintWriter(Writer.nullWriter()))) {
            return t.run(resume);
        }
    }
}

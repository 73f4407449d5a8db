package org.verl4j.spark;

import org.verl4j.commandline.TrainOptions;
import org.verl4j.trainer.Trainer;
import org.verl4j.trainer.TrainerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code verl4j-spark train}: {@code verl4j train} with the rollout phase (and the held-out evaluations) on a Spark
 * cluster ({@link SparkRollouts}); the learner — actor, reference, critic, advantages, checkpoints — on the driver.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a policy as verl4j train (same configuration keys and run directory), the rollouts generated on "
                + "executors: the policy broadcast after every update, prompts split over executors, each executor JVM "
                + "loading the model once. For the same seeds: the same responses and rewards as verl4j train, the float metrics "
                + "equal to float32 round-off (bit for bit with --partitions 1).",
                "The model directory (model.dir) must be readable at the same path on the driver and every executor."})
final class TrainJobCommand implements Callable<Integer> {

    @Mixin
    TrainOptions run;

    @Option(names = "--partitions", paramLabel = "P", description = "Slices of each step's prompts, one task each (default: Spark's parallelism).")
    int partitions;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainerConfig c = run.config();
        PrintWriter err = spec.commandLine().getErr();
        try (Trainer trainer = new Trainer(c, c.out(), err, SparkRollouts.factory(spark.session("train"), partitions))) {
            Trainer.Result r = trainer.run(run.resume());
            spec.commandLine().getOut().println(r.runDir().resolve("summary.md"));
        }
        return 0;
    }
}

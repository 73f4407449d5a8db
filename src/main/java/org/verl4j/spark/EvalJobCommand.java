package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.commandline.EvalOptions;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code verl4j-spark eval}: {@code verl4j eval} with the benchmarks' problems spread over executors (ALGORITHM.md §9). */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model on benchmarks or task splits (docs/ALGORITHM.md §9), as verl4j eval, the problems split over executors; "
                + "each executor JVM loads the model once. The same table and files as verl4j eval for the same seed.",
                "Output directory: results.jsonl, pass_at_k.json, pass_at_k.md (as verl4j eval --out); the table on stdout."})
final class EvalJobCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face model directory: a path every executor can read (shared file system), or any Hadoop "
                    + "file system's directory (copied to each executor's local disk once).")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist).")
    String out;

    @Mixin
    EvalOptions eval;

    @Mixin
    DeviceOptions device;

    @Option(names = "--partitions", paramLabel = "P", description = "Slices of the problem list, one task each (default: Spark's parallelism).")
    int partitions;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PromptFormat format = eval.format();                           // bad options and items fail before Spark starts
        List<EvalItem> items = eval.items();
        SamplingConfig sampling = eval.sampling();
        SparkSession session = spark.session("eval");
        EngineSpec engine = new EngineSpec(EvalJob.qualified(model, session.sparkContext().hadoopConfiguration()), device.engineOptions());
        EvalSettings settings = new EvalSettings(engine, format, sampling, eval.graderThreads(), eval.timeoutMillis());
        EvalReport report = EvalJob.run(session, items, settings, partitions, out);
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("verl4j-spark eval: " + items.size() + " problem(s) × " + sampling.n() + " sample(s) into " + out);
        err.flush();
        return 0;
    }
}

/**
 * Scale-out on Apache Spark (issue 12): the data-parallel commands of verl4j as Spark jobs, on a cluster through
 * {@code spark-submit} or embedded in {@code local[N]} mode.
 *
 * <pre>
 * metrics: hidden-state files (globs, directories, any Hadoop file system)
 *          → one task per slice of files: read each response, RankBatch (ALGORITHM.md §2–§3), DatasetRank.meanRow (§4)
 *          → rows (JSON Lines and Parquet); z_i to the driver in input order → DatasetRank.ofPooled (§4)
 * grade:   one large JSONL (any Hadoop file system), split by Spark's line reader
 *          → one GradingExecutor per partition (per-item deadline, ALGORITHM.md §9) → graded lines + counts
 * eval:    benchmark items read on the driver, cut into contiguous slices (each knows its first position)
 *          → Evaluator.results on each executor JVM's one engine (ExecutorEngines; prompt ids as the CLI's)
 *          → results collected in order → EvalReport.of → the CLI's files (ALGORITHM.md §9)
 * train:   the Trainer on the driver with SparkRollouts as its RolloutSource: θ broadcast after each update,
 *          each step's prompts cut into slices → the executor engines (policy taken once per step per JVM)
 *          → rollouts with ER/ERV/ERA and hidden states back in prompt order (ALGORITHM.md §6–§8)
 * </pre>
 *
 * The package sits above the single-machine code it reuses (rank, io, grader, eval, trainer) and computes nothing of its own:
 * every number comes from the same library classes the CLI calls. Spark is a {@code provided} dependency: it is
 * never bundled in {@code target/verl4j.jar} and never reaches an embedder of the core.
 */
package org.verl4j.spark;

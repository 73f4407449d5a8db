package org.verl4j.spark;

import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.SamplingConfig;

import java.io.Serializable;

/**
 * What every eval task needs besides its items, shipped with the task closure (a few hundred bytes).
 *
 * @param engine        the model and how it runs
 * @param format        how a question becomes the prompt (ALGORITHM.md §9)
 * @param sampling      n, temperature, top-p, …, seed: the same on every executor
 * @param graderThreads grading threads per task
 * @param timeoutMillis the per-response grading deadline
 */
record EvalSettings(EngineSpec engine, PromptFormat format, SamplingConfig sampling, int graderThreads, long timeoutMillis)
        implements Serializable {
}

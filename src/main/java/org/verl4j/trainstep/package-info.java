/**
 * Training steps as ONNX graphs (ALGORITHM.md §8): forward, loss, reverse-mode gradient, gradient accumulation, global-norm
 * clipping and AdamW, run by ONNX Runtime.
 *
 * <ul>
 *   <li>{@link org.verl4j.graph.ParameterLayout}: named parameter tensors packed into one flat buffer θ[P];
 *       {@link org.verl4j.graph.ParameterViews} reads them back as graph values.</li>
 *   <li>{@link org.verl4j.graph.Forward}: a model's forward as graph code (logits for a policy, values for a
 *       critic).</li>
 *   <li>{@link org.verl4j.trainstep.Objective}: the PPO actor loss of {@code org.verl4j.rl.ActorLoss}, SFT cross
 *       entropy, or the clipped critic loss of {@code org.verl4j.rl.ValueLoss}.</li>
 *   <li>{@link org.verl4j.trainstep.StepConfig}: every hyperparameter of a step (objective, AdamW, micro-batches, the
 *       learning-rate schedule {@link org.verl4j.trainstep.LrSchedule}), defaults in {@link org.verl4j.trainstep.StepConfig#DEFAULTS}; {@link org.verl4j.trainstep.StepInputs} derives the
 *       graph's scalar inputs from it.</li>
 *   <li>{@link org.verl4j.trainstep.TrainStepGraph}: the graph of one micro-batch (ACCUMULATE or UPDATE);
 *       {@link org.verl4j.trainstep.TrainStep} owns θ, m, v, t and runs K micro-batches per optimizer step.</li>
 * </ul>
 */
package org.verl4j.trainstep;

package org.verl4j.graph;

/**
 * The backward of one ONNX op: given the forward node and the gradient {@code dy} of the loss with respect to its
 * output, appends nodes computing the gradient with respect to each input. Returns one entry per node input; an
 * entry is null when the input is not differentiable or {@code needed[i]} is false.
 */
@FunctionalInterface
interface GradientRule {
    Value[] backward(GraphBuilder g, Node node, Value dy, boolean[] needed);
}

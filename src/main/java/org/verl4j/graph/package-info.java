/**
 * A small typed ONNX graph IR, its protobuf writer, reverse-mode autodiff over it, and an ONNX Runtime session
 * wrapper.
 *
 * <ul>
 *   <li>{@link org.verl4j.graph.GraphBuilder}: inputs, initializers, one method per op of the op table
 *       {@link org.verl4j.graph.OpType}; values are named after the math with {@code .named("q")}.</li>
 *   <li>{@link org.verl4j.graph.Autodiff}: reverse mode over the graph, one gradient rule per op (keyed by
 *       {@code OpType}).</li>
 *   <li>{@link org.verl4j.graph.OnnxWriter}: {@code ModelProto} bytes (opset 18, IR 8), outputs with declared
 *       shapes, initializers as little-endian raw data; atomic file writes.</li>
 *   <li>{@link org.verl4j.graph.OrtRunner}: a session with explicit threads and spinning off;
 *       {@link org.verl4j.graph.HostTensor} carries data in and out.</li>
 * </ul>
 */
package org.verl4j.graph;

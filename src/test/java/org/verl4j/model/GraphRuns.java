package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.HashMap;
import java.util.Map;

/** Test plumbing: feeds built from int[][] and runs of built graphs on ORT (CPU, one thread). */
final class GraphRuns {

    private GraphRuns() {
    }

    static OrtRunner session(GraphBuilder.Graph graph) {
        return new OrtRunner(graph, OrtRunner.Options.cpu(1));
    }

    static HostTensor longs(int[][] rows) {
        int b = rows.length, s = rows[0].length;
        long[] data = new long[b * s];
        for (int i = 0; i < b; i++) for (int t = 0; t < s; t++) data[i * s + t] = rows[i][t];
        return HostTensor.ofLongs(new long[]{b, s}, data);
    }

    /** Prefill feeds: ids, positions, mask and empty caches. */
    static Map<String, HostTensor> prefill(ModelConfig c, ElementType type, int[][] ids, int[][] positions, int[][] mask) {
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put(GenerationGraph.IDS, longs(ids));
        feed.put(GenerationGraph.POSITIONS, longs(positions));
        feed.put(GenerationGraph.MASK, longs(mask));
        long[] empty = {ids.length, c.numKvHeads(), 0, c.headDim()};
        for (int l = 0; l < c.numLayers(); l++) {
            feed.put(GenerationGraph.pastKey(l), HostTensor.ofFloating(type, empty));
            feed.put(GenerationGraph.pastValue(l), HostTensor.ofFloating(type, empty));
        }
        return feed;
    }

    /** Largest |onnx − reference| over the rows where {@code mask} is 1; {@code onnx} is [B, S, n] row-major. */
    static double maxError(double[] onnx, double[][][] reference, int[][] mask) {
        double max = 0;
        int s = reference[0].length, n = reference[0][0].length;
        for (int b = 0; b < reference.length; b++)
            for (int t = 0; t < s; t++) {
                if (mask[b][t] == 0) continue;
                for (int j = 0; j < n; j++) max = Math.max(max, Math.abs(onnx[(b * s + t) * n + j] - reference[b][t][j]));
            }
        return max;
    }
}

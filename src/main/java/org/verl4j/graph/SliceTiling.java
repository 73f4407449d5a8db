package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gradient of a 1-D value read through several constant Slices, assembled by concatenation. A flat parameter
 * buffer θ[P] sliced into K parameter tensors would otherwise get K zero-padded P-long gradients summed (O(P·K));
 * here the slice gradients are laid side by side, zeros filling the gaps:
 * <pre>
 * forward: w_k = θ[s_k : e_k]   (disjoint, constant, step 1)
 * so dθ = concat(0…, dw_1, 0…, dw_2, …, 0…)     in order of s_k
 * </pre>
 * Overlapping slices fall back to the general Slice rule (Pad + Add).
 */
final class SliceTiling {

    /** One slice's gradient: {@code dy} for θ[start:end]. */
    record Piece(long start, long end, Value dy) {
    }

    private SliceTiling() {
    }

    /**
     * The constant, normalised [start, end) of a 1-D Slice along axis 0 of a fixed-length input, or null when the
     * node is not of that form.
     */
    static long[] constantRange(Node n) {
        if (n.opType() != OpType.SLICE || n.inputs().size() != 4) return null;
        Value x = n.input(0);
        if (x.rank() != 1 || !x.shape().dim(0).isFixed()) return null;
        for (int i = 1; i < 4; i++) if (n.input(i).constant() == null) return null;
        long[] axes = n.input(3).constant().longs();
        if (axes.length != 1 || axes[0] != 0) return null;
        long d = x.shape().dim(0).size();
        long s = clamp(n.input(1).constant().longs()[0], d), e = Math.max(s, clamp(n.input(2).constant().longs()[0], d));
        return new long[]{s, e};
    }

    private static long clamp(long index, long d) {
        long i = index < 0 ? index + d : index;
        return Math.max(0, Math.min(d, i));
    }

    /** dθ from disjoint pieces (null when they overlap: the caller falls back to Pad + Add per piece). */
    static Value assemble(GraphBuilder g, Value theta, List<Piece> pieces) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingLong(Piece::start));
        for (int i = 1; i < sorted.size(); i++) if (sorted.get(i).start() < sorted.get(i - 1).end()) return null;
        long d = theta.shape().dim(0).size(), at = 0;
        List<Value> parts = new ArrayList<>();
        for (Piece p : sorted) {
            if (p.start() > at) parts.add(zeros(g, theta, p.start() - at));
            if (p.end() > p.start()) parts.add(p.dy());
            at = p.end();
        }
        if (at < d) parts.add(zeros(g, theta, d - at));
        Value dx = parts.size() == 1 ? parts.get(0) : g.concat(0, parts.toArray(Value[]::new));
        return g.elementwise.unary(OpType.IDENTITY, dx, theta.shape());                 // declared θ's shape
    }

    private static Value zeros(GraphBuilder g, Value like, long n) {
        return g.constant(new TensorData(like.type(), new long[]{n}, new byte[(int) (n * like.type().bytes)]));
    }
}

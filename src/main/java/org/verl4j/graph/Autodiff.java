package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation over a {@link GraphBuilder} graph. The backward pass is appended to the
 * same graph as standard ONNX ops, one {@link GradientRule} per entry of the op table {@link OpType} (the registry
 * {@link GradientRules}).
 *
 * <pre>
 * ∂L/∂v = Σ over the consumers c of v of (∂L/∂c) · ∂c/∂v      visited in reverse topological order
 * </pre>
 * Only nodes on a path from some {@code wrt} value to the output are differentiated; integer and boolean values
 * carry no gradient (indices, masks, shapes are constants to the backward pass). A {@code wrt} value the output
 * does not depend on gets a zero gradient.
 */
public final class Autodiff {

    private Autodiff() {
    }

    /** True when {@code op} has a gradient rule. */
    public static boolean differentiable(OpType op) {
        return GradientRules.ALL.of(op) != null;
    }

    /** The ops of the table that have a gradient rule. */
    public static Set<OpType> differentiableOps() {
        return GradientRules.ALL.ops();
    }

    /** ∂loss/∂w for each w in {@code wrt}; {@code loss} must be a floating scalar. */
    public static List<Value> gradients(GraphBuilder g, Value loss, List<Value> wrt) {
        if (loss.rank() != 0 || !loss.type().isFloating())
            throw new IllegalArgumentException("loss " + loss + " must be a floating scalar; pass a seed for other outputs");
        return gradients(g, loss, g.scalarLike(loss, 1), wrt);
    }

    /** Vector–Jacobian product: Σ seed ⊙ ∂output/∂w for each w in {@code wrt} ({@code seed} shaped like output). */
    public static List<Value> gradients(GraphBuilder g, Value output, Value seed, List<Value> wrt) {
        for (Value w : wrt)
            if (!w.type().isFloating()) throw new IllegalArgumentException("cannot differentiate with respect to " + w);
        List<Node> nodes = g.nodes();
        Set<Value> dependsOnWrt = Collections.newSetFromMap(new IdentityHashMap<>());
        dependsOnWrt.addAll(wrt);
        for (Node n : nodes) {
            if (n.inputs().stream().anyMatch(dependsOnWrt::contains))
                for (Value o : n.outputs()) if (o.type().isFloating()) dependsOnWrt.add(o);
        }
        Set<Value> forward = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : nodes) forward.addAll(n.outputs());
        Map<Value, Value> grad = new IdentityHashMap<>();
        Map<Value, List<SliceTiling.Piece>> slices = new IdentityHashMap<>();   // gradients of 1-D constant slices
        grad.put(output, seed);
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Node n = nodes.get(k);
            for (Value o : n.outputs()) settle(g, o, grad, slices);
            Value dy = n.outputs().size() == 1 ? grad.get(n.output()) : null;
            if (dy != null && !forward.contains(dy)) g.nameAfter(dy, "grad_" + n.output().name());   // ∂L/∂y, final now
            if (n.outputs().size() > 1 && n.outputs().stream().anyMatch(grad::containsKey))
                throw new IllegalArgumentException("no gradient rule for multi-output node " + n.opType().onnxName() + " " + n.name());
            if (dy == null || !dependsOnWrt.contains(n.output())) continue;
            boolean[] needed = new boolean[n.inputs().size()];
            boolean any = false;
            for (int i = 0; i < needed.length; i++) any |= needed[i] = dependsOnWrt.contains(n.input(i));
            if (!any) continue;
            long[] range = SliceTiling.constantRange(n);
            if (range != null) {                                                  // θ[s:e]: assembled by settle()
                slices.computeIfAbsent(n.input(0), x -> new ArrayList<>()).add(new SliceTiling.Piece(range[0], range[1], dy));
                continue;
            }
            GradientRule rule = GradientRules.ALL.of(n.opType());
            if (rule == null)
                throw new IllegalArgumentException("no gradient rule for op " + n.opType().onnxName() + " (node " + n.name() + ")");
            Value[] dx = rule.backward(g, n, dy, needed);
            for (int i = 0; i < needed.length; i++) {
                if (!needed[i] || dx[i] == null) continue;
                Value x = n.input(i);
                Value previous = grad.get(x);
                grad.put(x, previous == null ? dx[i] : g.add(previous, dx[i]));   // Σ over consumers
            }
        }
        List<Value> out = new ArrayList<>(wrt.size());
        for (Value w : wrt) {
            settle(g, w, grad, slices);
            Value d = grad.get(w);
            if (d != null && !forward.contains(d)) g.nameAfter(d, "grad_" + w.name());
        }
        for (Value w : wrt) {
            Value d = grad.get(w);
            out.add(d != null ? d : g.zerosLike(w));
        }
        return out;
    }

    /** Folds the pending slice gradients of {@code x} into its gradient (concatenated, or Pad + Add if they overlap). */
    private static void settle(GraphBuilder g, Value x, Map<Value, Value> grad, Map<Value, List<SliceTiling.Piece>> slices) {
        List<SliceTiling.Piece> pieces = slices.remove(x);
        if (pieces == null) return;
        Value dx = SliceTiling.assemble(g, x, pieces);
        if (dx == null) {
            for (SliceTiling.Piece p : pieces) {
                Value padded = g.pad(p.dy(), g.longs(p.start(), x.shape().dim(0).size() - p.end()), x.shape());
                dx = dx == null ? padded : g.add(dx, padded);
            }
        }
        Value previous = grad.get(x);
        grad.put(x, previous == null ? dx : g.add(previous, dx));
    }
}

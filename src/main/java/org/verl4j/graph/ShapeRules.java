package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Output shapes of the ops {@link GraphBuilder} emits, as far as they follow from the input shapes. Ranks are always
 * exact; a dimension that depends on runtime data comes out {@link Dim#UNKNOWN}.
 */
final class ShapeRules {

    private ShapeRules() {
    }

    /** The axes normalised against {@code s} (negative ones counted from the end); a repeated axis is an error. */
    static int[] axes(Shape s, long... axes) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = s.axis(axes[i]);
        int[] sorted = out.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++)
            if (sorted[i] == sorted[i - 1]) throw new IllegalArgumentException("repeated axis in " + Arrays.toString(axes));
        return out;
    }

    /** Axes or a permutation as the INT64 values ONNX takes. */
    static long[] asLongs(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }

    /** Numpy-style multidirectional broadcasting (ONNX "Broadcasting in ONNX"). */
    static Shape broadcast(Shape... shapes) {
        int rank = Arrays.stream(shapes).mapToInt(Shape::rank).max().orElse(0);
        List<Dim> out = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            Dim d = Dim.of(1);
            for (Shape s : shapes) {
                int j = i - (rank - s.rank());
                if (j >= 0) d = broadcast(d, s.dim(j), shapes);
            }
            out.add(d);
        }
        return new Shape(out);
    }

    private static Dim broadcast(Dim a, Dim b, Shape[] context) {
        if (a.isOne()) return b;
        if (b.isOne() || a.equals(b)) return a;
        if (a.isFixed() && b.isFixed())
            throw new IllegalArgumentException("shapes " + Arrays.toString(context) + " do not broadcast: " + a + " vs " + b);
        if (a.isFixed()) return a;
        if (b.isFixed()) return b;
        return Dim.UNKNOWN;
    }

    /** MatMul: batch dims broadcast, then {@code [n, k]·[k, m] → [n, m]}. Both ranks ≥ 2. */
    static Shape matMul(Shape a, Shape b) {
        if (a.rank() < 2 || b.rank() < 2)
            throw new IllegalArgumentException("matMul needs rank ≥ 2 operands, got " + a + " and " + b);
        Dim ka = a.dim(a.rank() - 1), kb = b.dim(b.rank() - 2);
        if (ka.isFixed() && kb.isFixed() && ka.size() != kb.size())
            throw new IllegalArgumentException("matMul inner dimensions differ: " + a + " · " + b);
        Shape batch = broadcast(new Shape(a.dims().subList(0, a.rank() - 2)), new Shape(b.dims().subList(0, b.rank() - 2)));
        List<Dim> out = new ArrayList<>(batch.dims());
        out.add(a.dim(a.rank() - 2));
        out.add(b.dim(b.rank() - 1));
        return new Shape(out);
    }

    static Shape reduce(Shape in, int[] axes, boolean keepdims) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) {
            final int axis = i;
            boolean reduced = Arrays.stream(axes).anyMatch(a -> a == axis);
            if (!reduced) out.add(in.dim(i));
            else if (keepdims) out.add(Dim.of(1));
        }
        return new Shape(out);
    }

    /** Reshape with ONNX semantics: 0 copies the input dimension, −1 is inferred when everything is fixed. */
    static Shape reshape(Shape in, long[] target) {
        List<Dim> out = new ArrayList<>();
        int inferred = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0) out.add(in.dim(i));
            else if (target[i] == -1) {
                if (inferred >= 0) throw new IllegalArgumentException("reshape target has two −1 entries: " + Arrays.toString(target));
                inferred = i;
                out.add(Dim.UNKNOWN);
            } else out.add(Dim.of(target[i]));
        }
        if (inferred >= 0 && in.isFullyFixed() && out.stream().filter(d -> d != Dim.UNKNOWN).allMatch(Dim::isFixed)) {
            long rest = 1;
            for (Dim d : out) if (d != Dim.UNKNOWN) rest *= d.size();
            out.set(inferred, Dim.of(rest == 0 ? 0 : in.elementCount() / rest));
        }
        return new Shape(out);
    }

    static Shape transpose(Shape in, int[] perm) {
        if (perm.length != in.rank()) throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " for rank " + in.rank());
        List<Dim> out = new ArrayList<>();
        for (int p : perm) out.add(in.dim(p));
        return new Shape(out);
    }

    /** Slice with constant starts/ends/axes (step 1): fixed dims give fixed sizes, others unknown. */
    static Shape slice(Shape in, long[] starts, long[] ends, int[] axes) {
        List<Dim> out = new ArrayList<>(in.dims());
        for (int i = 0; i < axes.length; i++) {
            Dim d = in.dim(axes[i]);
            if (!d.isFixed()) {
                out.set(axes[i], Dim.UNKNOWN);
                continue;
            }
            long n = d.size();
            long s = clampIndex(starts[i], n), e = clampIndex(ends[i], n);
            out.set(axes[i], Dim.of(Math.max(0, e - s)));
        }
        return new Shape(out);
    }

    private static long clampIndex(long index, long n) {
        long i = index < 0 ? index + n : index;
        return Math.max(0, Math.min(n, i));
    }

    static Shape concat(int axis, List<Shape> parts) {
        List<Dim> out = new ArrayList<>(parts.get(0).dims());
        long total = 0;
        boolean fixed = true;
        for (Shape s : parts) {
            if (s.rank() != out.size()) throw new IllegalArgumentException("concat of ranks " + parts);
            if (s.dim(axis).isFixed()) total += s.dim(axis).size();
            else fixed = false;
        }
        out.set(axis, fixed ? Dim.of(total) : Dim.UNKNOWN);
        return new Shape(out);
    }

    /** Gather: {@code data[:axis] ++ indices ++ data[axis+1:]}. */
    static Shape gather(Shape data, Shape indices, int axis) {
        List<Dim> out = new ArrayList<>(data.dims().subList(0, axis));
        out.addAll(indices.dims());
        out.addAll(data.dims().subList(axis + 1, data.rank()));
        return new Shape(out);
    }

    static Shape unsqueeze(Shape in, int[] sortedAxes) {
        List<Dim> out = new ArrayList<>(in.dims());
        for (int a : sortedAxes) out.add(a, Dim.of(1));
        return new Shape(out);
    }

    static Shape squeeze(Shape in, int[] axes) {
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) {
            final int axis = i;
            if (Arrays.stream(axes).noneMatch(a -> a == axis)) out.add(in.dim(i));
            else if (in.dim(i).isFixed() && in.dim(i).size() != 1)
                throw new IllegalArgumentException("squeeze of axis " + i + " with size " + in.dim(i));
        }
        return new Shape(out);
    }

    /** Shape given by a 1-D INT64 tensor: dims read from a constant, else unknown of the tensor's length. */
    static Shape fromShapeTensor(Value shape) {
        if (shape.rank() != 1 || !shape.shape().dim(0).isFixed())
            throw new IllegalArgumentException("shape tensor " + shape + " must be 1-D of fixed length");
        if (shape.constant() != null) return Shape.fixed(shape.constant().longs());
        return Shape.unknown((int) shape.shape().dim(0).size());
    }
}

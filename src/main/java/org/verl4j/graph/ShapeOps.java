package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.verl4j.graph.ElementType.INT64;

/**
 * Emits the ops that move, cut, join or make elements without arithmetic into one graph, for {@link GraphBuilder}'s
 * {@code reshape}, {@code transpose}, {@code slice}, {@code concat}, {@code pad}, … . Constant arguments (target
 * dims, axes, starts/ends) become INT64 {@code Constant} inputs, as opset 18 takes them; output shapes come from
 * {@link ShapeRules}, or from the caller where it knows more than inference can derive.
 */
final class ShapeOps {

    private final GraphBuilder g;

    ShapeOps(GraphBuilder g) {
        this.g = g;
    }

    /** Reshape to constant dims (0 copies the input dim, −1 is inferred). */
    Value reshape(Value x, long... dims) {
        return g.op(OpType.RESHAPE, List.of(x, g.longs(dims)), x.type(), ShapeRules.reshape(x.shape(), dims));
    }

    /** Reshape to a shape computed in the graph (1-D INT64 of fixed length). */
    Value reshape(Value x, Value shape) {
        Shape out = shape.constant() != null ? ShapeRules.reshape(x.shape(), shape.constant().longs())
                : ShapeRules.fromShapeTensor(shape);
        return reshape(x, shape, out);
    }

    /** Reshape to a shape computed in the graph, whose result shape the caller knows ({@code declared}). */
    Value reshape(Value x, Value shape, Shape declared) {
        return g.op(OpType.RESHAPE, List.of(x, shape), x.type(), declared);
    }

    Value transpose(Value x, int... perm) {
        return transpose(x, ShapeRules.transpose(x.shape(), perm), perm);
    }

    /** Transpose whose output shape the caller knows. */
    Value transpose(Value x, Shape shape, int... perm) {
        return g.op(OpType.TRANSPOSE, List.of(x), x.type(), shape, Attribute.Ints.of("perm", ShapeRules.asLongs(perm)));
    }

    /** {@code x[starts:ends]} along constant {@code axes} (step 1; negative indices count from the end). */
    Value slice(Value x, long[] starts, long[] ends, long[] axes) {
        if (starts.length != axes.length || ends.length != axes.length) throw new IllegalArgumentException("slice needs one start and end per axis");
        int[] a = ShapeRules.axes(x.shape(), axes);
        return g.op(OpType.SLICE, List.of(x, g.longs(starts), g.longs(ends), g.longs(ShapeRules.asLongs(a))), x.type(),
                ShapeRules.slice(x.shape(), starts, ends, a));
    }

    /** Slice with starts/ends computed in the graph; sliced dims come out unknown. */
    Value slice(Value x, Value starts, Value ends, long... axes) {
        int[] a = ShapeRules.axes(x.shape(), axes);
        List<Dim> dims = new ArrayList<>(x.shape().dims());
        for (int axis : a) dims.set(axis, Dim.UNKNOWN);
        return g.op(OpType.SLICE, List.of(x, starts, ends, g.longs(ShapeRules.asLongs(a))), x.type(), new Shape(dims));
    }

    /** Slice of one {@code axis} with start/end computed in the graph, {@code size} long along it. */
    Value slice(Value x, Value start, Value end, long axis, Dim size) {
        int a = x.shape().axis(axis);
        return g.op(OpType.SLICE, List.of(x, start, end, g.longs(a)), x.type(), withDim(x.shape(), a, size));
    }

    /** Concat whose output shape the caller knows. */
    Value concat(long axis, Shape shape, Value... parts) {
        int a = concatAxis(axis, parts);
        if (shape.rank() != parts[0].rank()) throw new IllegalArgumentException("Concat: declared shape " + shape
                + " has not the parts' rank " + parts[0].rank());
        return g.op(OpType.CONCAT, List.of(parts), parts[0].type(), shape, new Attribute.Int("axis", a));
    }

    Value concat(long axis, Value... parts) {
        int a = concatAxis(axis, parts);
        return g.op(OpType.CONCAT, List.of(parts), parts[0].type(),
                ShapeRules.concat(a, Arrays.stream(parts).map(Value::shape).toList()), new Attribute.Int("axis", a));
    }

    private static int concatAxis(long axis, Value... parts) {
        int a = parts[0].shape().axis(axis);
        for (Value p : parts) OpType.CONCAT.requireSameType(parts[0], p);
        return a;
    }

    /** {@code x} split along {@code axis} at the sizes in the 1-D INT64 {@code sizes}, each piece shaped by the caller. */
    List<Value> split(Value x, long axis, Value sizes, List<Shape> shapes) {
        return g.opMulti(OpType.SPLIT, List.of(x, sizes), Collections.nCopies(shapes.size(), x.type()), shapes,
                new Attribute.Int("axis", x.shape().axis(axis)));
    }

    /** Split into {@code pieces} whose lengths along {@code axis} are unknown at build time. */
    List<Value> split(Value x, long axis, Value sizes, int pieces) {
        return split(x, axis, sizes, Collections.nCopies(pieces, withDim(x.shape(), x.shape().axis(axis), Dim.UNKNOWN)));
    }

    Value unsqueeze(Value x, long... axes) {
        int rank = x.rank() + axes.length;
        int[] a = new int[axes.length];
        for (int i = 0; i < a.length; i++) a[i] = Shape.normalizeAxis(axes[i], rank);
        Arrays.sort(a);
        return g.op(OpType.UNSQUEEZE, List.of(x, g.longs(ShapeRules.asLongs(a))), x.type(), ShapeRules.unsqueeze(x.shape(), a));
    }

    Value squeeze(Value x, long... axes) {
        int[] a = ShapeRules.axes(x.shape(), axes);
        return g.op(OpType.SQUEEZE, List.of(x, g.longs(ShapeRules.asLongs(a))), x.type(), ShapeRules.squeeze(x.shape(), a));
    }

    /** Broadcast of {@code x} to the shape held in the 1-D INT64 {@code shape}. */
    Value expand(Value x, Value shape) {
        Shape target = shape.constant() != null ? Shape.fixed(shape.constant().longs()) : ShapeRules.fromShapeTensor(shape);
        return expand(x, shape, ShapeRules.broadcast(x.shape(), target));
    }

    /** Expand whose result shape the caller knows ({@code declared}). */
    Value expand(Value x, Value shape, Shape declared) {
        return g.op(OpType.EXPAND, List.of(x, shape), x.type(), declared);
    }

    /** The run-time shape of {@code x}, 1-D INT64. */
    Value shape(Value x) {
        return g.op(OpType.SHAPE, List.of(x), INT64, Shape.fixed(x.rank()));
    }

    /** The element count of {@code x}, an INT64 scalar. */
    Value size(Value x) {
        return g.op(OpType.SIZE, List.of(x), INT64, Shape.SCALAR);
    }

    /** A tensor of the shape held in {@code shape} (1-D INT64), filled with the one element of {@code value}. */
    Value constantOfShape(Value shape, TensorData value) {
        return constantOfShape(shape, value, ShapeRules.fromShapeTensor(shape));
    }

    /** A tensor of the shape held in {@code shape}, filled with the one element of {@code value}, declared {@code declared}. */
    Value constantOfShape(Value shape, TensorData value, Shape declared) {
        return g.op(OpType.CONSTANT_OF_SHAPE, List.of(shape), value.type(), declared, new Attribute.Tensor("value", value));
    }

    /** Zeros shaped and typed like {@code like}. */
    Value zerosLike(Value like) {
        return constantOfShape(shape(like), new TensorData(like.type(), new long[]{1}, new byte[like.type().bytes]),
                like.shape());
    }

    /** Constant-mode Pad with the 1-D INT64 {@code pads}, declared {@code shape}. */
    Value pad(Value x, Value pads, Shape shape) {
        return g.op(OpType.PAD, List.of(x, pads), x.type(), shape);
    }

    /** Lower ({@code upper = false}) or upper triangle of the last two axes, offset {@code k} (INT64 scalar). */
    Value trilu(Value x, boolean upper, Value k) {
        return g.op(OpType.TRILU, List.of(x, k), x.type(), x.shape(), new Attribute.Int("upper", upper ? 1 : 0));
    }

    Value range(Value start, Value limit, Value delta, Dim length) {
        return g.op(OpType.RANGE, List.of(start, limit, delta), start.type(), new Shape(List.of(length)));
    }

    /** Indices of the non-zero elements, {@code [rank, count]} INT64. */
    Value nonZero(Value x) {
        return g.op(OpType.NON_ZERO, List.of(x), INT64, Shape.of(x.rank(), Dim.UNKNOWN));
    }

    private static Shape withDim(Shape s, int axis, Dim dim) {
        List<Dim> dims = new ArrayList<>(s.dims());
        dims.set(axis, dim);
        return new Shape(dims);
    }
}

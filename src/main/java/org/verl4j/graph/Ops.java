package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.verl4j.graph.ElementType.BOOL;
import static org.verl4j.graph.ElementType.INT64;

/**
 * The op methods of {@link GraphBuilder} (split off to keep each file readable; {@code GraphBuilder} is the only
 * subclass). Each method emits one standard ONNX node (opset {@link OnnxWriter#OPSET}) and returns its output with
 * the inferred type and shape. Axes may be negative (counted from the end) and are normalised at build time.
 */
public abstract sealed class Ops permits GraphBuilder {

    abstract GraphBuilder graph();

    // ---- constants ------------------------------------------------------------------------------------------

    /** A 1-D INT64 constant, e.g. axes or a target shape. */
    public Value longs(long... values) {
        return graph().constant(TensorData.ofLongs(new long[]{values.length}, values));
    }

    /** A scalar constant of {@code type}. */
    public Value scalar(double value, ElementType type) {
        return graph().constant(TensorData.scalar(type, value));
    }

    /** A scalar constant with the element type of {@code like}. */
    public Value scalarLike(Value like, double value) {
        return scalar(value, like.type());
    }

    // ---- elementwise ----------------------------------------------------------------------------------------

    public Value add(Value a, Value b) { return binary("Add", a, b); }

    public Value sub(Value a, Value b) { return binary("Sub", a, b); }

    public Value mul(Value a, Value b) { return binary("Mul", a, b); }

    public Value div(Value a, Value b) { return binary("Div", a, b); }

    /** {@code a^b} elementwise (broadcasting). */
    public Value pow(Value a, Value b) { return binary("Pow", a, b); }

    /** Elementwise minimum of two tensors (broadcasting). */
    public Value min(Value a, Value b) { return binary("Min", a, b); }

    /** Elementwise maximum of two tensors (broadcasting). */
    public Value max(Value a, Value b) { return binary("Max", a, b); }

    public Value neg(Value x) { return unary("Neg", x); }

    public Value sqrt(Value x) { return unary("Sqrt", x); }

    public Value exp(Value x) { return unary("Exp", x); }

    public Value log(Value x) { return unary("Log", x); }

    public Value tanh(Value x) { return unary("Tanh", x); }

    public Value sigmoid(Value x) { return unary("Sigmoid", x); }

    public Value erf(Value x) { return unary("Erf", x); }

    public Value cos(Value x) { return unary("Cos", x); }

    public Value sin(Value x) { return unary("Sin", x); }

    public Value abs(Value x) { return unary("Abs", x); }

    public Value reciprocal(Value x) { return unary("Reciprocal", x); }

    public Value relu(Value x) { return unary("Relu", x); }

    public Value identity(Value x) { return unary("Identity", x); }

    /** {@code min(max(x, lo), hi)} with scalar bounds {@code lo}, {@code hi} (ONNX Clip). */
    public Value clip(Value x, Value lo, Value hi) {
        if (lo.rank() != 0 || hi.rank() != 0) throw new IllegalArgumentException("clip bounds must be scalars, got " + lo + ", " + hi);
        return graph().op("Clip", List.of(x, lo, hi), x.type(), x.shape());
    }

    public Value cast(Value x, ElementType to) {
        return graph().op("Cast", List.of(x), to, x.shape(), new Attribute.Int("to", to.onnxCode));
    }

    /** {@code condition ? a : b} elementwise (broadcasting over all three). */
    public Value where(Value condition, Value a, Value b) {
        requireType(condition, BOOL, "where condition");
        sameType("Where", a, b);
        return graph().op("Where", List.of(condition, a, b), a.type(), ShapeRules.broadcast(condition.shape(), a.shape(), b.shape()));
    }

    public Value equal(Value a, Value b) { return compare("Equal", a, b); }

    public Value less(Value a, Value b) { return compare("Less", a, b); }

    public Value lessOrEqual(Value a, Value b) { return compare("LessOrEqual", a, b); }

    public Value greater(Value a, Value b) { return compare("Greater", a, b); }

    public Value greaterOrEqual(Value a, Value b) { return compare("GreaterOrEqual", a, b); }

    public Value and(Value a, Value b) { return compare("And", a, b); }

    public Value or(Value a, Value b) { return compare("Or", a, b); }

    public Value not(Value x) {
        requireType(x, BOOL, "not");
        return graph().op("Not", List.of(x), BOOL, x.shape());
    }

    // ---- linear algebra, reductions, softmax -----------------------------------------------------------------

    /** Batched matrix product {@code a·b} over the last two axes, batch axes broadcasting (ranks ≥ 2). */
    public Value matMul(Value a, Value b) {
        sameType("MatMul", a, b);
        return graph().op("MatMul", List.of(a, b), a.type(), ShapeRules.matMul(a.shape(), b.shape()));
    }

    public Value reduceSum(Value x, boolean keepdims, long... axes) { return reduce("ReduceSum", x, keepdims, axes); }

    public Value reduceMean(Value x, boolean keepdims, long... axes) { return reduce("ReduceMean", x, keepdims, axes); }

    public Value reduceMax(Value x, boolean keepdims, long... axes) { return reduce("ReduceMax", x, keepdims, axes); }

    /** Sum over every axis to a scalar ({@code x} itself when it is a scalar already). */
    public Value reduceSumAll(Value x) {
        if (x.rank() == 0) return x;
        long[] all = new long[x.rank()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return reduceSum(x, false, all);
    }

    /**
     * ReduceSum over axes computed at run time, {@code keepdims = 1}; an empty axes tensor leaves {@code x} as it is
     * ({@code noop_with_empty_axes = 1}). Output dims are unknown.
     */
    public Value reduceSumKeep(Value x, Value axes) {
        return graph().op("ReduceSum", List.of(x, axes), x.type(), Shape.unknown(x.rank()),
                new Attribute.Int("keepdims", 1), new Attribute.Int("noop_with_empty_axes", 1));
    }

    public Value softmax(Value x, long axis) {
        return graph().op("Softmax", List.of(x), x.type(), x.shape(), new Attribute.Int("axis", x.shape().axis(axis)));
    }

    public Value logSoftmax(Value x, long axis) {
        return graph().op("LogSoftmax", List.of(x), x.type(), x.shape(), new Attribute.Int("axis", x.shape().axis(axis)));
    }

    // ---- shape ----------------------------------------------------------------------------------------------

    /** Reshape to constant dims (0 copies the input dim, −1 is inferred). */
    public Value reshape(Value x, long... dims) {
        return graph().op("Reshape", List.of(x, longs(dims)), x.type(), ShapeRules.reshape(x.shape(), dims));
    }

    /** Reshape to a shape computed in the graph (1-D INT64 of fixed length). */
    public Value reshape(Value x, Value shape) {
        Shape out = shape.constant() != null ? ShapeRules.reshape(x.shape(), shape.constant().longs())
                : ShapeRules.fromShapeTensor(shape);
        return graph().op("Reshape", List.of(x, shape), x.type(), out);
    }

    public Value transpose(Value x, int... perm) {
        return graph().op("Transpose", List.of(x), x.type(), ShapeRules.transpose(x.shape(), perm), Attribute.Ints.of("perm", toLongs(perm)));
    }

    /** {@code x[starts:ends]} along {@code axes} (step 1; negative indices count from the end, ends clamp). */
    public Value slice(Value x, long[] starts, long[] ends, long[] axes) {
        if (starts.length != axes.length || ends.length != axes.length) throw new IllegalArgumentException("slice needs one start and end per axis");
        int[] a = GraphBuilder.axes(x.shape(), axes);
        return graph().op("Slice", List.of(x, longs(starts), longs(ends), longs(toLongs(a))), x.type(),
                ShapeRules.slice(x.shape(), starts, ends, a));
    }

    /** Slice with starts/ends computed in the graph (1-D INT64, one per axis); sliced dims come out unknown. */
    public Value slice(Value x, Value starts, Value ends, long... axes) {
        int[] a = GraphBuilder.axes(x.shape(), axes);
        List<Dim> dims = new ArrayList<>(x.shape().dims());
        for (int axis : a) dims.set(axis, Dim.UNKNOWN);
        return graph().op("Slice", List.of(x, starts, ends, longs(toLongs(a))), x.type(), new Shape(dims));
    }

    /**
     * Slice of one {@code axis} with start/end computed in the graph (1-D INT64 of length 1), whose length along
     * that axis the caller knows ({@code size}, e.g. a symbolic dim inference cannot derive).
     */
    public Value slice(Value x, Value start, Value end, long axis, Dim size) {
        int a = x.shape().axis(axis);
        List<Dim> dims = new ArrayList<>(x.shape().dims());
        dims.set(a, size);
        return graph().op("Slice", List.of(x, start, end, longs(a)), x.type(), new Shape(dims));
    }

    /** Concat whose output shape the caller knows ({@code shape}, e.g. P + R declared as the mask's "seq"). */
    public Value concat(long axis, Shape shape, Value... parts) {
        int a = parts[0].shape().axis(axis);
        for (Value p : parts) sameType("Concat", parts[0], p);
        if (shape.rank() != parts[0].rank()) throw new IllegalArgumentException("Concat: declared shape " + shape
                + " has not the parts' rank " + parts[0].rank());
        return graph().op("Concat", List.of(parts), parts[0].type(), shape, new Attribute.Int("axis", a));
    }

    public Value concat(long axis, Value... parts) {
        int a = parts[0].shape().axis(axis);
        for (Value p : parts) sameType("Concat", parts[0], p);
        return graph().op("Concat", List.of(parts), parts[0].type(),
                ShapeRules.concat(a, Arrays.stream(parts).map(Value::shape).toList()), new Attribute.Int("axis", a));
    }

    /** Splits {@code x} along {@code axis} into pieces of the sizes held in the 1-D INT64 {@code sizes}. */
    public List<Value> split(Value x, long axis, Value sizes, int pieces) {
        int a = x.shape().axis(axis);
        List<Dim> dims = new ArrayList<>(x.shape().dims());
        dims.set(a, Dim.UNKNOWN);
        Shape s = new Shape(dims);
        return graph().opMulti("Split", List.of(x, sizes), java.util.Collections.nCopies(pieces, x.type()),
                java.util.Collections.nCopies(pieces, s), new Attribute.Int("axis", a));
    }

    public Value unsqueeze(Value x, long... axes) {
        int rank = x.rank() + axes.length;
        int[] a = new int[axes.length];
        for (int i = 0; i < a.length; i++) a[i] = Shape.normalizeAxis(axes[i], rank);
        Arrays.sort(a);
        return graph().op("Unsqueeze", List.of(x, longs(toLongs(a))), x.type(), ShapeRules.unsqueeze(x.shape(), a));
    }

    public Value squeeze(Value x, long... axes) {
        int[] a = GraphBuilder.axes(x.shape(), axes);
        return graph().op("Squeeze", List.of(x, longs(toLongs(a))), x.type(), ShapeRules.squeeze(x.shape(), a));
    }

    /** Broadcasts {@code x} to the shape held in the 1-D INT64 {@code shape} (ONNX Expand). */
    public Value expand(Value x, Value shape) {
        Shape target = shape.constant() != null ? Shape.fixed(shape.constant().longs()) : ShapeRules.fromShapeTensor(shape);
        return graph().op("Expand", List.of(x, shape), x.type(), ShapeRules.broadcast(x.shape(), target));
    }

    public Value expand(Value x, long... dims) {
        return expand(x, longs(dims));
    }

    /** The runtime shape of {@code x} as a 1-D INT64 tensor. */
    public Value shape(Value x) {
        return graph().op("Shape", List.of(x), INT64, Shape.fixed(x.rank()));
    }

    /** The element count of {@code x} as an INT64 scalar. */
    public Value size(Value x) {
        return graph().op("Size", List.of(x), INT64, Shape.SCALAR);
    }

    /** True where x is NaN. */
    public Value isNaN(Value x) {
        return graph().op("IsNaN", List.of(x), BOOL, x.shape());
    }

    /** True where x is ±∞. */
    public Value isInf(Value x) {
        return graph().op("IsInf", List.of(x), BOOL, x.shape());
    }

    /** Sign of each element: −1, 0 or 1. */
    public Value sign(Value x) {
        return unary("Sign", x);
    }

    /** A tensor of the shape held in {@code shape}, filled with {@code value} (a one-element tensor). */
    public Value constantOfShape(Value shape, TensorData value) {
        return graph().op("ConstantOfShape", List.of(shape), value.type(), ShapeRules.fromShapeTensor(shape),
                new Attribute.Tensor("value", value));
    }

    /** Zeros shaped and typed like {@code like}. */
    public Value zerosLike(Value like) {
        return graph().op("ConstantOfShape", List.of(shape(like)), like.type(), like.shape(),
                new Attribute.Tensor("value", new TensorData(like.type(), new long[]{1}, new byte[like.type().bytes])));
    }

    /** Constant-mode Pad with the 1-D INT64 {@code pads = [x1_begin, x2_begin, …, x1_end, x2_end, …]}. */
    public Value pad(Value x, Value pads) {
        return pad(x, pads, Shape.unknown(x.rank()));
    }

    /** Pad whose output shape the caller knows (e.g. a gradient padded back to its input's shape). */
    public Value pad(Value x, Value pads, Shape shape) {
        return graph().op("Pad", List.of(x, pads), x.type(), shape);
    }

    /** Lower ({@code upper = false}) or upper triangle of the last two axes, diagonal offset {@code k}. */
    public Value trilu(Value x, boolean upper, long k) {
        return graph().op("Trilu", List.of(x, scalar(k, INT64)), x.type(), x.shape(), new Attribute.Int("upper", upper ? 1 : 0));
    }

    /** {@code [start, start+delta, …) < limit}: scalars of one type. */
    public Value range(Value start, Value limit, Value delta) {
        return range(start, limit, delta, Dim.UNKNOWN);
    }

    /** Range whose length the caller knows ({@code length}, e.g. the symbolic T of a mask). */
    public Value range(Value start, Value limit, Value delta, Dim length) {
        return graph().op("Range", List.of(start, limit, delta), start.type(), new Shape(List.of(length)));
    }

    /** Indices of the non-zero elements, {@code [rank, count]} INT64. */
    public Value nonZero(Value x) {
        return graph().op("NonZero", List.of(x), INT64, Shape.of(x.rank(), Dim.UNKNOWN));
    }

    // ---- indexing -------------------------------------------------------------------------------------------

    /** {@code out[i…, j…, k…] = data[i…, indices[j…], k…]} along {@code axis}. */
    public Value gather(Value data, Value indices, long axis) {
        requireType(indices, INT64, "gather indices");
        int a = data.shape().axis(axis);
        return graph().op("Gather", List.of(data, indices), data.type(), ShapeRules.gather(data.shape(), indices.shape(), a),
                new Attribute.Int("axis", a));
    }

    /** {@code out[…, i, …] = data[…, indices[…, i, …], …]} along {@code axis}; output shaped like indices. */
    public Value gatherElements(Value data, Value indices, long axis) {
        requireType(indices, INT64, "gatherElements indices");
        int a = data.shape().axis(axis);
        return graph().op("GatherElements", List.of(data, indices), data.type(), indices.shape(), new Attribute.Int("axis", a));
    }

    /** {@code data} with {@code updates} written (or combined by {@code reduction}: none/add/mul/max/min) at indices. */
    public Value scatterElements(Value data, Value indices, Value updates, long axis, String reduction) {
        int a = data.shape().axis(axis);
        return graph().op("ScatterElements", List.of(data, indices, updates), data.type(), data.shape(),
                new Attribute.Int("axis", a), new Attribute.Str("reduction", reduction));
    }

    /** ONNX ScatterND: {@code data} with slices {@code updates} written/combined at the index tuples. */
    public Value scatterND(Value data, Value indices, Value updates, String reduction) {
        return graph().op("ScatterND", List.of(data, indices, updates), data.type(), data.shape(),
                new Attribute.Str("reduction", reduction));
    }

    // ---- control flow ---------------------------------------------------------------------------------------

    /**
     * ONNX Loop: runs {@code body} {@code tripCount} times (INT64 scalar) while {@code condition} (BOOL scalar) holds.
     * The body's formal inputs are (iteration, condition, carried…), its outputs (condition, carried…, scanned…).
     * Returns the final carried values, then each scanned output stacked along a new leading axis.
     */
    public List<Value> loop(Value tripCount, Value condition, List<Value> carried, GraphBuilder.Graph body) {
        int nCarried = carried.size(), nScan = body.outputs().size() - 1 - nCarried;
        if (body.inputs().size() != 2 + nCarried || nScan < 0)
            throw new IllegalArgumentException("loop body " + body.name() + " needs 2 + " + nCarried + " inputs and at least "
                    + (1 + nCarried) + " outputs");
        List<Value> ins = new ArrayList<>(List.of(tripCount, condition));
        ins.addAll(carried);
        List<ElementType> types = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int i = 1; i < body.outputs().size(); i++) {
            Value o = body.outputs().get(i);
            types.add(o.type());
            if (i <= nCarried) shapes.add(carried.get(i - 1).shape());
            else {
                List<Dim> dims = new ArrayList<>();
                dims.add(Dim.UNKNOWN);
                dims.addAll(o.shape().dims());
                shapes.add(new Shape(dims));
            }
        }
        return graph().opMulti("Loop", ins, types, shapes, new Attribute.Graph("body", body));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Value unary(String op, Value x) {
        return graph().op(op, List.of(x), x.type(), x.shape());
    }

    private Value binary(String op, Value a, Value b) {
        sameType(op, a, b);
        return graph().op(op, List.of(a, b), a.type(), ShapeRules.broadcast(a.shape(), b.shape()));
    }

    private Value compare(String op, Value a, Value b) {
        sameType(op, a, b);
        return graph().op(op, List.of(a, b), BOOL, ShapeRules.broadcast(a.shape(), b.shape()));
    }

    private Value reduce(String op, Value x, boolean keepdims, long... axes) {
        if (axes.length == 0) throw new IllegalArgumentException(op + " of " + x.name() + " needs explicit axes");
        int[] a = GraphBuilder.axes(x.shape(), axes);
        return graph().op(op, List.of(x, longs(toLongs(a))), x.type(), ShapeRules.reduce(x.shape(), a, keepdims),
                new Attribute.Int("keepdims", keepdims ? 1 : 0));
    }

    private static void sameType(String op, Value a, Value b) {
        if (a.type() != b.type())
            throw new IllegalArgumentException(op + " of " + a + " and " + b + ": element types differ");
    }

    private static void requireType(Value v, ElementType t, String what) {
        if (v.type() != t) throw new IllegalArgumentException(what + " " + v + " must be " + t);
    }

    static long[] toLongs(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }
}

package org.verl4j.graph;

/** Tensor element types verl4j graphs use, with their ONNX {@code TensorProto.DataType} codes and byte sizes. */
public enum ElementType {
    FLOAT(1, 4),
    INT64(7, 8),
    BOOL(9, 1),
    DOUBLE(11, 8);

    /** ONNX {@code TensorProto.DataType} enum value. */
    public final int onnxCode;
    /** Bytes per element in {@code raw_data}. */
    public final int bytes;

    ElementType(int onnxCode, int bytes) {
        this.onnxCode = onnxCode;
        this.bytes = bytes;
    }

    /** True for FLOAT and DOUBLE: the types gradients flow through. */
    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** Throws unless {@code v} is of this type; {@code what} names the operand, e.g. "gather indices". */
    void require(Value v, String what) {
        if (v.type() != this) throw new IllegalArgumentException(what + " " + v + " must be " + this);
    }
}

package org.verl4j.graph;

/**
 * Reads just enough of a serialized ONNX {@code ModelProto} to tell whether the model computes in float64: a graph
 * input, output or value_info of element type DOUBLE, a DOUBLE initializer or constant tensor, or a Cast to DOUBLE,
 * in the main graph or any subgraph. Protobuf wire format, fields as numbered in onnx.proto:
 * <pre>
 * ModelProto     7 graph
 * GraphProto     1 node, 5 initializer, 11 input, 12 output, 13 value_info
 * NodeProto      5 attribute
 * AttributeProto 1 name, 3 i, 5 t, 6 g, 10 tensors, 11 graphs
 * TensorProto    2 data_type                       ValueInfoProto 2 type
 * TypeProto      1 tensor_type                     TypeProto.Tensor 1 elem_type
 * </pre>
 */
final class OnnxTypeScan {

    static final int DOUBLE = 11;                                // TensorProto.DataType.DOUBLE

    private final byte[] b;
    private int pos;

    private OnnxTypeScan(byte[] bytes) {
        this.b = bytes;
    }

    /** Whether the serialized model computes anything in float64 (see the class comment). */
    static boolean computesInDouble(byte[] model) {
        return new OnnxTypeScan(model).message(0, model.length, Kind.MODEL);
    }

    private enum Kind { MODEL, GRAPH, NODE, ATTRIBUTE, TENSOR, VALUE_INFO, TYPE, TENSOR_TYPE }

    /** Scans the message in [from, to) of kind {@code kind}; true if it shows float64. */
    private boolean message(int from, int to, Kind kind) {
        pos = from;
        boolean isDouble = false;
        String name = null;
        while (pos < to) {
            long key = varint();
            int field = (int) (key >>> 3), wire = (int) (key & 7);
            if (wire == 0) {
                long v = varint();
                isDouble |= switch (kind) {
                    case TENSOR, TENSOR_TYPE -> (kind == Kind.TENSOR ? field == 2 : field == 1) && v == DOUBLE;
                    case ATTRIBUTE -> field == 3 && "to".equals(name) && v == DOUBLE;     // Cast(to = DOUBLE)
                    default -> false;
                };
            } else if (wire == 2) {
                int length = (int) varint(), start = pos, end = start + length;
                Kind child = child(kind, field);
                if (kind == Kind.ATTRIBUTE && field == 1) name = new String(b, start, length, java.nio.charset.StandardCharsets.UTF_8);
                if (child != null && message(start, end, child)) isDouble = true;
                pos = end;
            } else if (wire == 1) pos += 8;
            else if (wire == 5) pos += 4;
            else throw new IllegalArgumentException("not an ONNX model: protobuf wire type " + wire + " at byte " + pos);
        }
        return isDouble;
    }

    private static Kind child(Kind parent, int field) {
        return switch (parent) {
            case MODEL -> field == 7 ? Kind.GRAPH : null;
            case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR
                    : field == 11 || field == 12 || field == 13 ? Kind.VALUE_INFO : null;
            case NODE -> field == 5 ? Kind.ATTRIBUTE : null;
            case ATTRIBUTE -> field == 5 || field == 10 ? Kind.TENSOR : field == 6 || field == 11 ? Kind.GRAPH : null;
            case VALUE_INFO -> field == 2 ? Kind.TYPE : null;
            case TYPE -> field == 1 ? Kind.TENSOR_TYPE : null;
            case TENSOR, TENSOR_TYPE -> null;
        };
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= b.length) throw new IllegalArgumentException("not an ONNX model: truncated varint");
            byte x = b[pos++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) return v;
        }
        throw new IllegalArgumentException("not an ONNX model: varint longer than 10 bytes");
    }
}

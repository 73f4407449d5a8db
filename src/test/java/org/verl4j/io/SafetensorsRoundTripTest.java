package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SafetensorsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyDtypeRoundTripsWithHeaderOrderMetadataAndAlignedData() throws IOException {
        Path file = dir.resolve("all.safetensors");
        float[] halfExact = {1f, -2f, 0.5f, 65504f, 0x1p-24f, -0f};      // representable in F16 and BF16
        List<NamedTensor> tensors = List.of(
                NamedTensor.ofDoubles("z.f64", DType.F64, new long[]{2, 3}, new double[]{1, 2, 3, 4, 5, Math.PI}),
                NamedTensor.ofFloats("a.f32", DType.F32, new long[]{3}, new float[]{1.5f, -0f, Float.MIN_VALUE}),
                NamedTensor.ofFloats("m.f16", DType.F16, new long[]{2, 3}, halfExact),
                NamedTensor.ofFloats("b.bf16", DType.BF16, new long[]{6}, new float[]{1f, -2f, 0.5f, 3.0e38f, 0x1p-126f, 256f}),
                NamedTensor.ofLongs("i64", DType.I64, new long[]{2}, new long[]{Long.MIN_VALUE, Long.MAX_VALUE}),
                NamedTensor.ofLongs("i32", DType.I32, new long[]{2}, new long[]{Integer.MIN_VALUE, 7}),
                NamedTensor.ofLongs("i16", DType.I16, new long[]{1}, new long[]{-300}),
                NamedTensor.ofLongs("i8", DType.I8, new long[]{2}, new long[]{-128, 127}),
                NamedTensor.ofLongs("u8", DType.U8, new long[]{2}, new long[]{0, 255}),
                NamedTensor.ofLongs("flag", DType.BOOL, new long[]{3}, new long[]{1, 0, 1}),
                NamedTensor.ofFloats("empty", DType.F32, new long[]{0, 4}, new float[0]),
                NamedTensor.ofDoubles("scalar", DType.F64, new long[]{}, new double[]{42}));
        SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));

        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.names()).containsExactly("z.f64", "a.f32", "m.f16", "b.bf16", "i64", "i32", "i16", "i8", "u8",
                    "flag", "empty", "scalar");
            assertThat(f.metadata()).containsExactly(Map.entry("format", "pt"));
            assertThat(f.readDoubles("z.f64")).containsExactly(1, 2, 3, 4, 5, Math.PI);
            assertThat(f.readFloats("a.f32")).containsExactly(1.5f, -0f, Float.MIN_VALUE);
            assertThat(f.readFloats("m.f16")).containsExactly(halfExact);
            assertThat(f.readDoubles("b.bf16")).containsExactly(1, -2, 0.5, BFloat16.toFloat(BFloat16.fromFloat(3.0e38f)), 0x1p-126, 256);
            assertThat(f.readLongs("i64")).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(f.readLongs("i32")).containsExactly(Integer.MIN_VALUE, 7);
            assertThat(f.readLongs("i16")).containsExactly(-300);
            assertThat(f.readLongs("i8")).containsExactly(-128, 127);
            assertThat(f.readLongs("u8")).containsExactly(0, 255);
            assertThat(f.readLongs("flag")).containsExactly(1, 0, 1);
            assertThat(f.readFloats("empty")).isEmpty();
            assertThat(f.readDoubles("scalar")).containsExactly(42);
            assertThat(f.info("m.f16").shape()).containsExactly(2, 3);
            assertThat(f.info("scalar").rank()).isZero();
        }
        ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat((8 + head.getLong(0)) % 8).as("data section starts 8-aligned").isZero();
    }

    /** A file assembled byte by byte from the format description (half 1.0 = 0x3C00, −2.0 = 0xC000; bf16 1.0 = 0x3F80). */
    @Test
    void readsAHandAssembledFile() throws IOException {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,1],\"data_offsets\":[4,6]},\"__metadata__\":{\"k\":\"v\"}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3F80);
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, b.array());
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.names()).containsExactly("h", "b");
            assertThat(f.readFloats("h")).containsExactly(1f, -2f);
            assertThat(f.readDoubles("b")).containsExactly(1.0);
            assertThat(f.metadata()).containsEntry("k", "v");
            assertThat(f.readBytes("b").getShort()).isEqualTo((short) 0x3F80);
        }
    }

    @Test
    void writerRoundsFloatsToNearestEvenInHalfAndBfloat() throws IOException {
        Path file = dir.resolve("round.safetensors");
        // 1 + 2^-11 is the exact F16 tie between 1 and 1 + 2^-10 → even (1); 1 + 3·2^-11 → 1 + 2^-9 (even).
        // 1 + 2^-8 is the BF16 tie between 1 and 1 + 2^-7 → 1; 1 + 3·2^-8 → 1 + 2^-6.
        SafetensorsWriter.write(file, List.of(
                NamedTensor.ofDoubles("h", DType.F16, new long[]{2}, new double[]{1 + 0x1p-11, 1 + 3 * 0x1p-11}),
                NamedTensor.ofDoubles("b", DType.BF16, new long[]{2}, new double[]{1 + 0x1p-8, 1 + 3 * 0x1p-8})), Map.of());
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.readDoubles("h")).containsExactly(1.0, 1 + 0x1p-9);
            assertThat(f.readDoubles("b")).containsExactly(1.0, 1 + 0x1p-6);
            assertThat(f.metadata()).isEmpty();
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("w.safetensors");
        Files.writeString(file, "old");
        SafetensorsWriter.write(file, List.of(NamedTensor.ofFloats("x", DType.F32, new long[]{1}, new float[]{3})), Map.of());
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.readFloats("x")).containsExactly(3f);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("w.safetensors");
        }
    }
}

package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSON Lines decoding line by line (issue 11): one bad byte spoils one line; BOM skipped; gzip named. */
class JsonLinesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void aNonUtf8ByteSpoilsOnlyItsLineAndNamesTheColumn() throws IOException {
        Path p = Files.write(dir.resolve("a.jsonl"),
                concat(bytes("{\"a\":1}\n{\"b\":\""), new byte[] {(byte) 0xff}, bytes("\"}\r\n{\"c\":\"é\"}\n")));
        List<JsonLines.Line> lines = JsonLines.read(p);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(new JsonLines.Text(1, "{\"a\":1}"));
        assertThat(lines.get(1)).isEqualTo(new JsonLines.Undecodable(2, "not valid UTF-8 (byte 0xFF at column 7)"));
        assertThat(lines.get(2)).isEqualTo(new JsonLines.Text(3, "{\"c\":\"é\"}"));
    }

    @Test
    void aByteOrderMarkIsSkippedAndALastLineWithoutNewlineKept() throws IOException {
        Path p = Files.write(dir.resolve("bom.jsonl"), concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, bytes("{}\n[]")));
        assertThat(JsonLines.read(p)).containsExactly(new JsonLines.Text(1, "{}"), new JsonLines.Text(2, "[]"));
    }

    @Test
    void aGzipFileIsNamedAsSuch() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes("{}\n"));
        }
        Path p = Files.write(dir.resolve("data.jsonl"), gz.toByteArray());
        assertThatThrownBy(() -> JsonLines.read(p)).hasMessageContaining("data.jsonl").hasMessageContaining("gzip");
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        assertThat(JsonLines.read(Files.write(dir.resolve("e.jsonl"), new byte[0]))).isEmpty();
    }
}

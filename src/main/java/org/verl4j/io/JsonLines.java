package org.verl4j.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a JSON Lines file, each decoded on its own as strict UTF-8, so that one bad byte spoils one line
 * (reported with its number and column), not the whole file.
 *
 * <pre>
 * lines end at '\n' (a '\r' before it is dropped); line numbers start at 1
 * a UTF-8 byte-order mark (EF BB BF) at the start of the file is skipped
 * a file starting with the gzip magic 1F 8B is refused as gzip-compressed (say so; decompress it first)
 * </pre>
 */
public final class JsonLines {

    /** One line of the file: its text, or why it could not be decoded. */
    public sealed interface Line permits Text, Undecodable {
        int number();
    }

    /** A line decoded as UTF-8. */
    public record Text(int number, String text) implements Line {
    }

    /** A line with bytes that are not UTF-8; {@code problem} names the byte and its column (1-based). */
    public record Undecodable(int number, String problem) implements Line {
    }

    private JsonLines() {
    }

    /** Every line of {@code file}; an IOException for a file that cannot be read or is gzip-compressed. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(3);
            int b0 = in.read(), b1 = in.read(), b2 = in.read();
            if (b0 == 0x1f && b1 == 0x8b) {
                throw new IOException(file + ": is gzip-compressed; decompress it first (gunzip " + file + ")");
            }
            boolean bom = b0 == 0xef && b1 == 0xbb && b2 == 0xbf;
            if (!bom) in.reset();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int number = 0;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    if (b < 0 && line.size() == 0) break;
                    lines.add(decode(++number, line.toByteArray()));
                    line.reset();
                    if (b < 0) break;
                } else {
                    line.write(b);
                }
            }
        }
        return lines;
    }

    private static Line decode(int number, byte[] bytes) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            return new Undecodable(number, String.format("not valid UTF-8 (byte 0x%02X at column %d)",
                    bytes[in.position()] & 0xff, in.position() + 1));
        }
        return new Text(number, out.flip().toString());
    }
}

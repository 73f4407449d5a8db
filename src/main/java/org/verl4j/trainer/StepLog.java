package org.verl4j.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code steps.jsonl}: one {@link StepRecord} per line ({@link StepJson}), appended and flushed as each step ends. A resumed run keeps
 * the lines up to its checkpoint's step and drops the ones after (they belong to the run that crashed).
 */
public final class StepLog implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final List<StepRecord> records = new ArrayList<>();
    private final BufferedWriter out;

    /** Opens {@code file}, keeping the records with step ≤ {@code keepUpTo} (0 for a fresh run: an empty log). */
    public StepLog(Path file, int keepUpTo) throws IOException {
        if (keepUpTo > 0 && Files.exists(file))
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                StepRecord r = StepJson.read(json.readTree(line));
                if (r.step() <= keepUpTo) records.add(r);
            }
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        for (StepRecord r : records) writeLine(r);
        out.flush();
    }

    /** Appends one step. */
    public void append(StepRecord r) throws IOException {
        records.add(r);
        writeLine(r);
        out.flush();
    }

    /** Every record so far, in step order. */
    public List<StepRecord> records() {
        return List.copyOf(records);
    }

    private void writeLine(StepRecord r) throws IOException {
        out.write(json.writeValueAsString(StepJson.write(json, r)));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package org.verl4j.spark;

import org.verl4j.grader.GradeInput;
import org.verl4j.grader.GradeCounts;
import org.verl4j.grader.GradingExecutor;
import org.verl4j.grader.GradingItem;
import org.verl4j.grader.Verdict;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The executor side of the grade job: one partition of (line, index) pairs in, one {@link LineOutcome} per
 * non-blank line out, in order. Lines are graded in chunks by one {@link GradingExecutor} per partition, so
 * the grader's per-item deadline (ALGORITHM.md §9: a timeout is wrong and counted) holds on every executor exactly as
 * in {@code verl4j grade}.
 */
final class GradeTask {

    /** Lines graded per {@link GradingExecutor#gradeAll} call: bounds a task's memory, keeps its threads busy. */
    static final int CHUNK = 256;

    private GradeTask() {
    }

    static Iterator<LineOutcome> run(Iterator<Tuple2<String, Long>> lines, String source, GradeInput.Fields fields,
                                     GraderFactory grader, int threads, long timeoutMillis) {
        List<LineOutcome> out = new ArrayList<>();
        try (GradingExecutor executor = new GradingExecutor(grader.create(), threads, timeoutMillis)) {
            List<GradeInput.Row> parsed = new ArrayList<>(CHUNK);
            while (lines.hasNext()) {
                Tuple2<String, Long> next = lines.next();
                long number = next._2() + 1;
                if (next._1().isBlank()) continue;
                try {
                    parsed.add(GradeInput.parse(number, next._1(), fields));
                } catch (GradeInput.MalformedLine e) {
                    flush(executor, parsed, out);                   // keep the outcomes in line order
                    out.add(new LineOutcome.Malformed(number, source + " line " + number + ": " + e.getMessage()));
                }
                if (parsed.size() == CHUNK) flush(executor, parsed, out);
            }
            flush(executor, parsed, out);
        }
        return out.iterator();
    }

    private static void flush(GradingExecutor executor, List<GradeInput.Row> parsed, List<LineOutcome> out) {
        if (parsed.isEmpty()) return;
        List<GradingItem> items = new ArrayList<>(parsed.size());
        for (GradeInput.Row p : parsed) items.add(p.item());
        List<Verdict> verdicts = executor.gradeAll(items);
        for (int k = 0; k < verdicts.size(); k++)
            out.add(new LineOutcome.Graded(parsed.get(k).lineNumber(), parsed.get(k).graded(verdicts.get(k)),
                    GradeCounts.of(verdicts.get(k))));
        parsed.clear();
    }
}

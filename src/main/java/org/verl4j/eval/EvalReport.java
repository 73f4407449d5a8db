package org.verl4j.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one evaluation: per problem, and the pass@k table — per dataset the mean over its problems, and
 * the plain mean over datasets (the paper's "Avg.", spec §9).
 *
 * @param problems  in input order
 * @param table     dataset → ("pass@k" → value), datasets in first-seen order, k = 1, 2, 4, … ≤ n
 * @param average   "pass@k" → mean over the datasets of {@code table}
 */
public record EvalReport(List<ProblemResult> problems, Map<String, Map<String, Double>> table, Map<String, Double> average) {

    public EvalReport {
        problems = List.copyOf(problems);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        table.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        table = java.util.Collections.unmodifiableMap(copy);
        average = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(average));
    }

    /** The table as Markdown: one row per dataset, then "Avg.". */
    public String markdown() {
        List<String> ks = List.copyOf(average.keySet());
        StringBuilder sb = new StringBuilder("| dataset |");
        for (String k : ks) sb.append(' ').append(k).append(" |");
        sb.append("\n|---|");
        sb.append("---:|".repeat(ks.size())).append('\n');
        table.forEach((dataset, row) -> sb.append(line(dataset, row, ks)));
        sb.append(line("Avg.", average, ks));
        return sb.toString();
    }

    private static String line(String name, Map<String, Double> row, List<String> ks) {
        StringBuilder sb = new StringBuilder("| ").append(name).append(" |");
        for (String k : ks) sb.append(String.format(java.util.Locale.ROOT, " %.1f |", 100 * row.get(k)));
        return sb.append('\n').toString();
    }
}

package org.verl4j.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one evaluation: per problem, and the pass@k table — per dataset the mean over its problems, and
 * the plain mean over datasets (the paper's "Avg.", ALGORITHM.md §9).
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

    /**
     * The report of {@code problems} (in input order, every one with the same n): per dataset, in first-seen order,
     * the mean of its problems' pass@k; then the plain mean over datasets (ALGORITHM.md §9).
     * <pre>
     *   table[D][pass@k] = (1/|D|) Σ_{p ∈ D} pass@k(p)        average[pass@k] = (1/#datasets) Σ_D table[D][pass@k]
     * </pre>
     * Sums run in input order, so the same problems give the same bits however they were computed.
     */
    public static EvalReport of(List<ProblemResult> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("nothing to report: no problem results");
        int n = problems.get(0).responses().size();
        Map<String, Map<String, Double>> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (ProblemResult p : problems) {
            if (p.responses().size() != n)
                throw new IllegalArgumentException("problem " + p.id() + " of " + p.dataset() + " has " + p.responses().size()
                        + " responses, the first problem " + n);
            Map<String, Double> sum = sums.computeIfAbsent(p.dataset(), d -> new LinkedHashMap<>());
            for (int k = 1; k <= n; k *= 2) sum.merge("pass@" + k, p.passAtK().get("pass@" + k), Double::sum);
            counts.merge(p.dataset(), 1, Integer::sum);
        }
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        Map<String, Double> average = new LinkedHashMap<>();
        sums.forEach((dataset, sum) -> {
            Map<String, Double> row = new LinkedHashMap<>();
            sum.forEach((k, v) -> row.put(k, v / counts.get(dataset)));
            table.put(dataset, row);
            row.forEach((k, v) -> average.merge(k, v / sums.size(), Double::sum));
        });
        return new EvalReport(problems, table, average);
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

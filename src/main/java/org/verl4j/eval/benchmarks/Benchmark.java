package org.verl4j.eval.benchmarks;

import org.verl4j.grader.BoxedAnswer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 17 evaluation sets and the rule that reads each one's JSON layout (the Qwen2.5-Math toolkit's
 * {@code parse_question} / {@code parse_ground_truth}, minus answer normalisation, which is the grader's job).
 *
 * <pre>
 * set                question                         answer                                   solution
 * aime24             problem                          answer                                   solution
 * aime25, cmath      question                         answer                                   —
 * amc23              question                         answer (number)                          —
 * amc24              problem                          answer                                   —
 * asdiv              body + " " + question            answer minus "(unit)" groups             formula
 * carp_en            content                          answer                                   steps
 * gaokao2024_I/II    question                         answer; type single|multi ⇒ choices A–D   —
 * gaokao2024_mix     question                         choice_answer (⇒ choices A–D) else answer —
 * gaokao_math_cloze  question                         answer without '$'                       —
 * gsm8k              question                         text after "####", thousands ',' removed   text before "####"
 * math500            problem                          answer                                   solution
 * mawps              input                            target (number)                          —
 * minerva_math       problem                          last \boxed{} of solution                 solution
 * olympiadbench      question (context first if set)  final_answer[0] with '$' stripped         solution[] joined
 * svamp              Body (+ '.') + " " + Question    Answer (number)                          Equation
 * </pre>
 * As the toolkit does, a question whose answer is yes/no or true/false gets " (Yes or No)" / " (True or False)".
 * Numbers are written without trailing zeros (27.0 → "27").
 */
public enum Benchmark {
    AIME24("aime24"), AIME25("aime25"), AMC23("amc23"), AMC24("amc24"), ASDIV("asdiv"), CARP_EN("carp_en"),
    CMATH("cmath"), GAOKAO2024_I("gaokao2024_I"), GAOKAO2024_II("gaokao2024_II"), GAOKAO2024_MIX("gaokao2024_mix"),
    GAOKAO_MATH_CLOZE("gaokao_math_cloze"), GSM8K("gsm8k"), MATH500("math500"), MAWPS("mawps"),
    MINERVA_MATH("minerva_math"), OLYMPIADBENCH("olympiadbench"), SVAMP("svamp");

    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    private final String dirName;

    Benchmark(String dirName) {
        this.dirName = dirName;
    }

    /** The directory (and dataset) name, e.g. {@code gaokao2024_I}. */
    public String dirName() {
        return dirName;
    }

    /** The benchmark with this directory name; throws listing the known names otherwise. */
    public static Benchmark named(String name) {
        for (Benchmark b : values()) if (b.dirName.equals(name)) return b;
        StringBuilder known = new StringBuilder();
        for (Benchmark b : values()) known.append(known.isEmpty() ? "" : ", ").append(b.dirName);
        throw new IllegalArgumentException("unknown benchmark '" + name + "' (known: " + known + ")");
    }

    /** Reads one JSON line of this set; {@code line} (0-based) is the id of sets without one. */
    BenchmarkItem item(BenchmarkRow r, int line) {
        String lineId = Integer.toString(line);
        Item it = switch (this) {
            case AIME24 -> new Item(r.textOrNumber("id"), r.text("problem"), r.text("answer"), List.of(),
                    r.text("solution"));
            case AIME25 -> new Item(lineId, r.text("question"), r.text("answer"), List.of(), null);
            case AMC23 -> new Item(r.textOrNumber("id"), r.text("question"), r.textOrNumber("answer"), List.of(), null);
            case AMC24 -> new Item(r.text("exam") + " #" + r.textOrNumber("problem_number"), r.text("problem"),
                    r.textOrNumber("answer"), List.of(), null);
            case ASDIV -> new Item(r.textOrNumber("idx"), r.text("body").strip() + " " + r.text("question").strip(),
                    r.text("answer").replaceAll("\\(.*?\\)", "").strip(), List.of(), r.text("formula"));
            case CARP_EN -> new Item(lineId, r.text("content"), r.text("answer"), List.of(), r.text("steps"));
            case CMATH -> new Item(lineId, r.text("question"), r.textOrNumber("answer"), List.of(), null);
            case GAOKAO2024_I, GAOKAO2024_II -> gaokao2024(r, lineId);
            case GAOKAO2024_MIX -> {
                String choice = r.has("choice_answer") ? r.text("choice_answer").strip() : "";
                yield choice.isEmpty()
                        ? new Item(r.textOrNumber("idx"), r.text("question"), r.text("answer"), List.of(), null)
                        : new Item(r.textOrNumber("idx"), r.text("question"), choice, ABCD, null);
            }
            case GAOKAO_MATH_CLOZE -> new Item(lineId, r.text("question"), r.text("answer").replace("$", "").strip(),
                    List.of(), null);
            case GSM8K -> gsm8k(r);
            case MATH500 -> new Item(r.text("unique_id"), r.text("problem"), r.text("answer"), List.of(),
                    r.text("solution"));
            case MAWPS -> new Item(r.textOrNumber("idx"), r.text("input"), r.textOrNumber("target"), List.of(), null);
            case MINERVA_MATH -> {
                String solution = r.text("solution");
                String boxed = BoxedAnswer.lastBoxed(solution).orElseThrow(() ->
                        new IllegalArgumentException("field 'solution' has no closed \\boxed{} answer"));
                yield new Item(r.textOrNumber("idx"), r.text("problem"), boxed, List.of(), solution);
            }
            case OLYMPIADBENCH -> {
                String question = r.text("question");
                if (r.has("context")) question = r.text("context") + "\n" + question;
                yield new Item(r.textOrNumber("id"), question, stripDollars(r.texts("final_answer").get(0)),
                        List.of(), String.join("\n\n", r.texts("solution")));
            }
            case SVAMP -> {
                String body = r.text("Body").strip();
                if (!body.endsWith(".")) body = body + ".";
                yield new Item(r.text("ID"), body + " " + r.text("Question").strip(), r.textOrNumber("Answer"),
                        List.of(), r.text("Equation").strip());
            }
        };
        String answer = it.answer.strip();
        return new BenchmarkItem(dirName, it.id, withAnswerKind(it.question.strip(), answer), answer, it.choices,
                Optional.ofNullable(it.solution));
    }

    private Item gaokao2024(BenchmarkRow r, String lineId) {
        String type = r.text("type");
        List<String> choices = switch (type) {
            case "single", "multi" -> ABCD;
            case "blank" -> List.of();
            default -> throw new IllegalArgumentException("field 'type' is '" + type + "', expected single|multi|blank");
        };
        return new Item(lineId, r.text("question"), r.text("answer"), choices, null);
    }

    private static Item gsm8k(BenchmarkRow r) {
        String[] parts = r.text("answer").split("####", -1);
        if (parts.length != 2) throw new IllegalArgumentException("field 'answer' must contain '####' exactly once");
        String answer = parts[1].strip().replaceAll("(?<=\\d),(?=\\d{3}(\\D|$))", "");
        return new Item(r.textOrNumber("idx"), r.text("question"), answer, List.of(), parts[0].strip());
    }

    private static String stripDollars(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '$') start++;
        while (end > start && s.charAt(end - 1) == '$') end--;
        return s.substring(start, end);
    }

    private static String withAnswerKind(String question, String answer) {
        String a = answer.toLowerCase(Locale.ROOT);
        if (a.equals("true") || a.equals("false")) return question + " (True or False)";
        if (a.equals("yes") || a.equals("no")) return question + " (Yes or No)";
        return question;
    }

    /** The fields one layout yields before validation. */
    private record Item(String id, String question, String answer, List<String> choices, String solution) {
    }
}

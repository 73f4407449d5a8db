package org.verl4j.tasks;

import org.verl4j.grader.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Digit completion, the task of verl's end-to-end test ({@code tests/e2e/envs/digit_completion}): continue an
 * arithmetic sequence modulo m.
 *
 * <pre>
 * prompt  "a,b:m,n"        a ∈ [0, m], d ∈ [0, maxDiff], b = (a + d) mod m, n ∈ [0, maxNumInResponse]
 * answer  x₁,x₂,…,xₙ       δ = (b − a) mod m,  x₀ = b,  x_k = (x_{k−1} + δ) mod m     ("" when n = 0)
 * e.g.    "9,10:20,2"  →  "11,12"        "7,8:20,0"  →  ""        "1,2:6,5"  →  "3,4,5,0,1"
 * </pre>
 *
 * Conventions kept from verl: a is drawn from [0, m] and is not reduced (so "9,0:9,3" occurs, δ = 0); the
 * sampler draws (a, d, n) uniformly, so prompts reachable by two values of d are twice as likely; the chat
 * template appends the separator {@code S} after the prompt and the response ends with EOS {@code E}
 * ({@link CharTokenizer}). The verifier's "boxed" flag means "well formed": exactly n comma-separated
 * decimal numbers (the empty string when n = 0). verl trains this task with the dense
 * {@link #prefixReward(String, String)}; {@link #verify} gives the outcome verdict for the other shapes.
 *
 * @param level            the row of the level table this instance came from
 * @param maxNumber        m ≥ 1, the modulus
 * @param maxDiff          the largest common difference drawn (≥ 1)
 * @param maxNumInResponse the largest n drawn, 0 ≤ n ≤ 9 (n is one character in the prompt)
 */
public record DigitCompletionTask(int level, int maxNumber, int maxDiff, int maxNumInResponse)
        implements ReasoningTask {

    public static final String NAME = "digit-completion";

    /** Digits, the separator between numbers and the one between sequence and parameters. */
    public static final String ALPHABET = "0123456789,:";

    private static final Pattern PROMPT = Pattern.compile("\\d+,\\d+:\\d+,\\d+");

    public DigitCompletionTask {
        if (maxNumber < 1) throw new IllegalArgumentException("maxNumber m must be ≥ 1, got " + maxNumber);
        if (maxDiff < 1) throw new IllegalArgumentException("maxDiff must be ≥ 1, got " + maxDiff);
        if (maxNumInResponse < 0 || maxNumInResponse > 9)
            throw new IllegalArgumentException("maxNumInResponse must be in [0, 9], got " + maxNumInResponse);
    }

    /**
     * The level table. 1: m = 9, maxDiff = 9, n ≤ 9 — the setting of verl's {@code arithmetic_sequence} e2e
     * dataset (900 distinct prompts); 2: m = 20, maxDiff = 3, n ≤ 5 — the example in verl's {@code task.py};
     * 3: m = 99, maxDiff = 20, n ≤ 9 — two-digit numbers and longer responses.
     */
    public static DigitCompletionTask level(int level) {
        return switch (level) {
            case 1 -> new DigitCompletionTask(1, 9, 9, 9);
            case 2 -> new DigitCompletionTask(2, 20, 3, 5);
            case 3 -> new DigitCompletionTask(3, 99, 20, 9);
            default -> throw new IllegalArgumentException(
                    "digit-completion has levels 1..3, got " + level);
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String alphabet() {
        return ALPHABET;
    }

    @Override
    public Problem sample(Random rng) {
        int a = rng.nextInt(maxNumber + 1);
        int d = rng.nextInt(maxDiff + 1);
        int b = (a + d) % maxNumber;
        int n = rng.nextInt(maxNumInResponse + 1);
        String prompt = a + "," + b + ":" + maxNumber + "," + n;
        String answer = continuation(a, b, maxNumber, n);
        return new Problem(NAME + "-" + prompt, NAME, level, prompt, answer, answer);
    }

    /** The next n numbers of the sequence a prompt {@code "a,b:m,n"} starts (verl's ground-truth response). */
    public static String groundTruth(String prompt) {
        int[] p = parsePrompt(prompt);
        return continuation(p[0], p[1], p[2], p[3]);
    }

    private static String continuation(int a, int b, int m, int n) {
        int delta = Math.floorMod(b - a, m);                    // δ = (b − a) mod m
        List<String> xs = new ArrayList<>(n);
        int x = b;                                              // x₀ = b
        for (int k = 0; k < n; k++) {
            x = (x + delta) % m;                                // x_k = (x_{k−1} + δ) mod m
            xs.add(Integer.toString(x));
        }
        return String.join(",", xs);
    }

    @Override
    public Verdict verify(Problem problem, String response) {
        int n = parsePrompt(problem.prompt())[3];
        boolean wellFormed = n == 0 ? response.isEmpty() : wellFormedPattern(n).matcher(response).matches();
        boolean correct = response.equals(problem.answer());
        return new Verdict(correct, response, correct ? "exact" : (wellFormed ? "different" : "malformed"),
                false, wellFormed);
    }

    /**
     * verl's dense reward: each response character that continues the longest correct prefix of the ground
     * truth earns {@code sequenceReward / (|gt| + 1)} (the +1 counts EOS, which itself earns nothing); the first
     * mismatch ends the reward. One entry per response character (one character = one token).
     *
     * <pre>
     * r_i = R / (|gt| + 1)   if response[0..i] = gt[0..i] and i &lt; |gt|,   else 0 from the first mismatch on
     * </pre>
     */
    public static float[] prefixReward(String prompt, String response, double sequenceReward) {
        String gt = groundTruth(prompt);
        float perToken = (float) (sequenceReward / (gt.length() + 1));
        float[] reward = new float[response.length()];
        for (int i = 0; i < response.length() && i < gt.length(); i++) {
            if (response.charAt(i) != gt.charAt(i)) break;
            reward[i] = perToken;
        }
        return reward;
    }

    private static Pattern wellFormedPattern(int n) {
        return Pattern.compile("\\d+(,\\d+){" + (n - 1) + "}");
    }

    /** {a, b, m, n} of a prompt {@code "a,b:m,n"}; throws naming the prompt when it has another shape. */
    static int[] parsePrompt(String prompt) {
        if (!PROMPT.matcher(prompt).matches())
            throw new IllegalArgumentException("digit-completion prompt must read 'a,b:m,n', got '" + prompt + "'");
        String[] halves = prompt.split(":");
        String[] ab = halves[0].split(",");
        String[] mn = halves[1].split(",");
        int m = Integer.parseInt(mn[0]);
        if (m < 1) throw new IllegalArgumentException("modulus m must be ≥ 1 in prompt '" + prompt + "'");
        return new int[]{Integer.parseInt(ab[0]), Integer.parseInt(ab[1]), m, Integer.parseInt(mn[1])};
    }
}

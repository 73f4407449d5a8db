package org.verl4j.spark;

import java.util.List;

/**
 * What a job does with bad input on an executor (a corrupt file, a malformed line): count and report it
 * (the default), or fail the job before writing anything ({@code --strict}).
 */
enum Strictness {
    LENIENT, STRICT;

    /** Messages shown in a strict failure; the rest are counted. */
    private static final int SHOWN = 5;

    /** Throws under {@link #STRICT} when there is any problem, naming the first few. */
    void check(List<String> problems, long inputs) {
        if (this == LENIENT || problems.isEmpty()) return;
        StringBuilder m = new StringBuilder(problems.size() + " of " + inputs + " input(s) bad under --strict: ");
        m.append(String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size()))));
        if (problems.size() > SHOWN) m.append("; …");
        throw new IllegalArgumentException(m.toString());
    }
}

package org.verl4j.grader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts behind {@code verl4j grade}'s summary line: accuracy only where something was graded. */
class GradeCountsTest {

    @Test
    void accuracyIsCorrectOverGraded() {
        GradeCounts c = new GradeCounts(4, 3, 1, 0, 0, 2);
        assertThat(c.accuracy()).hasValue(0.75);
        assertThat(c.describe("in.jsonl")).isEqualTo("verl4j grade: in.jsonl: graded 4, correct 3, accuracy 0.7500; "
                + "timeouts 1, no answer extracted 0, grader errors 0, malformed lines skipped 2");
    }

    @Test
    void nothingGradedHasNoAccuracy() {
        GradeCounts onlyMalformed = GradeCounts.ZERO.plus(GradeCounts.malformedLine());
        assertThat(onlyMalformed.accuracy()).isEmpty();
        assertThat(onlyMalformed.describe("bad.jsonl")).contains("graded 0, correct 0, accuracy n/a;")
                .contains("malformed lines skipped 1").doesNotContain("NaN");
    }
}

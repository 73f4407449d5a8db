package org.verl4j.grader;

import org.verl4j.grader.symbolic.Deadline;

/** Grades one item within a deadline; {@link MathGrader} is the implementation, tests supply others. */
@FunctionalInterface
public interface ItemGrader {

    /** The verdict for {@code item}; a timeout verdict once {@code deadline} has passed. */
    Verdict grade(GradingItem item, Deadline deadline);
}

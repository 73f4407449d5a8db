package org.verl4j.spark;

import org.verl4j.grader.ItemGrader;
import org.verl4j.grader.MathGrader;

import java.io.Serializable;

/** Makes the grader on each executor (graders are not serializable): {@link MathGrader} for the job, others in tests. */
@FunctionalInterface
interface GraderFactory extends Serializable {

    GraderFactory MATH = MathGrader::new;

    ItemGrader create();
}

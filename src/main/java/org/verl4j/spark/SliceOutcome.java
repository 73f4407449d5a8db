package org.verl4j.spark;

import org.verl4j.eval.ProblemResult;

import java.io.Serializable;
import java.util.List;

/** What one eval task returns for its slice: every item's result, or why the slice could not be evaluated. */
sealed interface SliceOutcome extends Serializable permits SliceOutcome.Evaluated, SliceOutcome.Failed {

    /** The slice's first position in the item list. */
    int first();

    /** The slice's results, in item order (texts and verdicts: a few KB per problem). */
    record Evaluated(int first, List<ProblemResult> results) implements SliceOutcome {
    }

    /** The engine could not be opened, or an item could not be evaluated; {@code message} says which. */
    record Failed(int first, String message) implements SliceOutcome {
    }
}

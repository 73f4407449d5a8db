package org.verl4j.spark;

import picocli.CommandLine.Option;

/**
 * {@code --strict}: what a job that reads its inputs on executors (metrics, grade) does with a bad one — count and
 * report it (the default), or fail before writing anything. A picocli mixin; the eval job reads its inputs on the
 * driver, where a bad item is always an error, so it has no such option.
 */
final class StrictOption {

    @Option(names = "--strict", description = "Fail, writing nothing, when any input (a file, a line) is bad; by default each is reported and counted.")
    boolean strict;

    Strictness strictness() {
        return strict ? Strictness.STRICT : Strictness.LENIENT;
    }
}

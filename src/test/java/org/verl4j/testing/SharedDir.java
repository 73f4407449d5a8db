package org.verl4j.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared} (golden files, models, data) beside the checkout. Tests that need it call
 * {@link #require(String)}: absent → the test is skipped with a message naming the missing path; present →
 * the path is returned and the test must pass. In CI ({@code CI=true}) a missing shared/ is an error, not a skip.
 * Override the location with {@code -Dverl4j.shared=DIR}.
 */
public final class SharedDir {

    private SharedDir() {
    }

    /** The shared directory, or null when absent. */
    public static Path root() {
        String override = System.getProperty("verl4j.shared");
        Path p = override != null ? Path.of(override) : Path.of("..", "shared");
        return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
    }

    /** {@code shared/<relative>}, skipping the calling test (with the reason) when it is absent. */
    public static Path require(String relative) {
        Path root = root();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (root == null || !Files.exists(root.resolve(relative))) {
            String why = "skipped: ../shared/" + relative + " is not present beside the checkout "
                    + "(it holds reference data that is never committed to verl4j)";
            if (ci) throw new IllegalStateException("CI run without " + relative + ": " + why);
            Assumptions.assumeTrue(false, why);
        }
        return root.resolve(relative);
    }
}

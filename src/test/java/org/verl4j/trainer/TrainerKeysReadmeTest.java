package org.verl4j.trainer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * README.md's table of configuration keys is {@link TrainerKeys#markdownTable()} to the byte, so defaults and choices
 * are stated once; on a difference the message lists the lines that differ and how to regenerate the table.
 */
class TrainerKeysReadmeTest {

    static final String BEGIN = "<!-- keys:begin", END = "<!-- keys:end -->";

    @Test
    void theReadmesKeyTableIsTheOneTrainerKeysRenders() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(BEGIN), end = readme.indexOf(END);
        assertThat(begin).as("README.md marks its key table with " + BEGIN + " … -->").isNotNegative();
        assertThat(end).as("README.md ends its key table with " + END).isGreaterThan(begin);
        String inReadme = readme.substring(readme.indexOf('\n', begin) + 1, end).strip() + "\n";   // blank lines around it
        String rendered = TrainerKeys.markdownTable();
        if (!inReadme.equals(rendered))
            fail("README.md's key table differs from TrainerKeys; replace the lines between the markers with the "
                    + "output of `java -jar target/verl4j.jar train --keys --markdown`:\n" + difference(inReadme, rendered));
    }

    @Test
    void theTableHasOneRowPerKeyChoicesFirstAndEscapedBars() {
        List<String> rows = TrainerKeys.markdownTable().lines().toList();
        assertThat(rows).hasSize(TrainerKeys.all().size() + 2);
        assertThat(rows.get(0)).isEqualTo("| key | default | meaning |");
        assertThat(rows).contains("| `algorithm` | grpo | grpo \\| drgrpo \\| ppo-gae \\| rloo \\| reinforce++ — advantage "
                + "estimator (docs/ALGORITHM.md §8) |");
        assertThat(rows).anyMatch(r -> r.startsWith("| `verl.kappa` | 2.0 | κ of the clip \\|A0\\|/κ"));
        for (String r : rows.subList(2, rows.size()))
            assertThat(r.replace("\\|", "")).as(r).matches("\\| `[a-z0-9_.]+` \\| [^|]+ \\| [^|]+ \\|");
    }

    /** The README's lines the rendering lacks ("- ") and the rendering's lines the README lacks ("+ "). */
    static String difference(String readme, String rendered) {
        List<String> a = readme.lines().toList(), b = rendered.lines().toList();
        StringBuilder d = new StringBuilder();
        for (String line : a) if (!b.contains(line)) d.append("- ").append(line).append('\n');
        for (String line : b) if (!a.contains(line)) d.append("+ ").append(line).append('\n');
        return d.length() == 0 ? "(the same lines in another order, or a difference in blank lines)\n" : d.toString();
    }
}

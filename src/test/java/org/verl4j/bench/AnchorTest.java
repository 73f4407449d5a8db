package org.verl4j.bench;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench anchors come from docs/PERFORMANCE.md, the one place they are stated, as the build packages it. */
class AnchorTest {

    @Test
    void thePackagedTableIsTheRepositorysDocsPerformanceFile() throws IOException {
        try (InputStream in = Anchor.class.getResourceAsStream(Anchor.RESOURCE)) {
            assertThat(in).as("docs/PERFORMANCE.md packaged beside Anchor").isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Path.of("docs/PERFORMANCE.md")));
        }
    }

    @Test
    void everyAnchorIsARowOfTheDocsTable() throws IOException {
        Map<Anchor, Double> values;
        try (BufferedReader r = Files.newBufferedReader(Path.of("docs/PERFORMANCE.md"))) {
            values = Anchor.parse(r);
        }
        for (Anchor a : Anchor.values()) {
            assertThat(values.get(a)).as(a.key()).isPositive();
            assertThat(a.value()).as(a.key()).isEqualTo(values.get(a));
        }
    }

    @Test
    void onlyRowsUnderTheAnchorHeadingCount() throws IOException {
        StringBuilder doc = new StringBuilder("## Other figures\n\n| key | value |\n| `rank.batch` | 99 | s |\n\n")
                .append(Anchor.TABLE).append("\n\n| key | value | unit | case | anchor |\n|---|---|---|---|---|\n");
        for (Anchor a : Anchor.values()) doc.append("| `").append(a.key()).append("` | 2.5 | s | c | a |\n");
        Map<Anchor, Double> values = Anchor.parse(new BufferedReader(new StringReader(doc.toString())));
        assertThat(values.get(Anchor.RANK_BATCH)).isEqualTo(2.5);
    }

    @Test
    void aMissingOrMalformedRowIsAnErrorNamingItsKey() {
        String table = Anchor.TABLE + "\n\n| `rank.batch` | 19.3 | s | c | a |\n";
        assertThatThrownBy(() -> Anchor.parse(new BufferedReader(new StringReader(table))))
                .hasMessageContaining("no anchor `rank.long`");
        String bad = Anchor.TABLE + "\n\n| `rank.batch` | fast | s | c | a |\n";
        assertThatThrownBy(() -> Anchor.parse(new BufferedReader(new StringReader(bad))))
                .hasMessageContaining("`rank.batch`").hasMessageContaining("'fast' is not a number");
    }
}

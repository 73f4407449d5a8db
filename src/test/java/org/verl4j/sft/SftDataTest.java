package org.verl4j.sft;

import org.junit.jupiter.api.Test;
import org.verl4j.tasks.ArithmeticTask;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.TaskSplits;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SftDataTest {

    @Test
    void drawnProblemsAvoidTheHeldOutPromptsAndAreReproducible() {
        ArithmeticTask task = ArithmeticTask.level(1);
        List<Problem> all = TaskSplits.generate(task, 300, 0, 4).train();
        List<Problem> heldOut = all.subList(0, 100);                       // the first draws of the same seed
        List<Problem> drawn = SftData.generated(task, 150, 4, heldOut);
        assertThat(drawn).hasSize(150).isEqualTo(SftData.generated(task, 150, 4, heldOut));
        Set<String> held = new HashSet<>();
        heldOut.forEach(p -> held.add(p.prompt()));
        assertThat(drawn).noneMatch(p -> held.contains(p.prompt()));
        assertThat(drawn.get(0).prompt()).isEqualTo(all.get(100).prompt());   // the first draw not held out
    }
}

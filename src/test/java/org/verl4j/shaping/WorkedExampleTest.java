package org.verl4j.shaping;

import org.verl4j.shaping.VerlBonus.Placement;
import org.junit.jupiter.api.Test;
import org.verl4j.rl.Grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked example of issue 3 (values computed independently of this code): baselines m = {ERA 10, ERV 80,
 * ER 350}, indicators x = {ERA 12, ERV 76, ER 400}, g = 2, P = 1; GRPO on [1, −0.5, −0.5, 1]; κ = 2.
 */
class WorkedExampleTest {

    static final RankIndicators M = new RankIndicators(10, 80, 350);
    static final RankIndicators X = new RankIndicators(12, 76, 400);

    @Test
    void planBHasTheReferenceLambdaAndAux() {
        AuxTerms t = VerlAux.of(X, M, 1.0, VerlConfig.defaults());
        assertThat(t.lambda()).isCloseTo(0.598687660016, within(1e-12));
        assertThat(t.aux()).isCloseTo(0.064900791793, within(1e-12));
    }

    @Test
    void fixTwoAndFixOneHaveTheReferenceAux() {
        assertThat(VerlAux.of(X, M, 1.0, VerlConfig.defaults().withHypothesis(Hypothesis.FIX_TWO)).aux())
                .isCloseTo(0.045967409406, within(1e-12));
        assertThat(VerlAux.of(X, M, 1.0, VerlConfig.defaults().withHypothesis(Hypothesis.FIX_ONE)).aux())
                .isCloseTo(0.091934818811, within(1e-12));
    }

    @Test
    void grpoAndShapingGiveTheReferenceAdvantages() {
        double[] a0 = new Grpo().perResponse(new double[]{1, -0.5, -0.5, 1}, new int[]{0, 0, 0, 0});
        assertThat(a0).containsExactly(new double[]{0.8660244038, -0.8660244038, -0.8660244038, 0.8660244038}, within(1e-10));
        double aux = VerlAux.of(X, M, 1.0, VerlConfig.defaults()).aux();
        boolean[][] mask = {{true}, {true}, {true}, {true}};
        double[][] a = AdvantageShaping.shape(new double[][]{{a0[0]}, {a0[1]}, {a0[2]}, {a0[3]}}, mask,
                new VerlBonus(new double[]{aux, aux, aux, aux}, Placement.LAST_TOKEN), 2.0);
        assertThat(a[0][0]).isCloseTo(0.9309251956, within(1e-10));
        assertThat(a[1][0]).isCloseTo(-0.8011236120, within(1e-10));
    }
}

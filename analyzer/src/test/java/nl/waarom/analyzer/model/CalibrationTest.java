package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final double T = 1.0;

  /** Held-out decision values over three classes: the top class and its score, the rest at 0. */
  private record Held(List<double[]> logits, List<Integer> truth) {
    Held() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    Held add(int n, int top, double topScore, double otherScore, int truth) {
      for (int i = 0; i < n; i++) {
        double[] z = {otherScore, otherScore, otherScore};
        z[top] = topScore;
        logits.add(z);
        this.truth.add(truth);
      }
      return this;
    }

    UnexplainedRule rule(int unknown, double maxLoss) {
      return Calibration.rule(logits.toArray(double[][]::new),
          truth.stream().mapToInt(Integer::intValue).toArray(), T, unknown, 0.5, maxLoss);
    }
  }

  private static double topProbability(double[] z) {
    double[] p = ReasonModel.softmax(z.clone(), T);
    return Math.max(p[0], Math.max(p[1], p[2]));
  }

  @Test
  void evidenceIsTheLogSumExpOfTheDecisionValues() {
    double[] z = {0.3, -1.2, 0.1};
    double direct = 0.5 * Math.log(Math.exp(0.3 / 0.5) + Math.exp(-1.2 / 0.5) + Math.exp(0.1 / 0.5));
    double[] p = ReasonModel.softmax(z.clone(), 0.5);
    assertThat(Calibration.evidence(0.3, p[0], 0.5)).isCloseTo(direct, within(1e-12));
  }

  @Test
  void whenUnsureAnswersStayWithinTheBudgetTheProbabilityAloneDecides() {
    // 100 in scope: 95 sure and right, 5 unsure (p < 1/2) of which 1 right; budget 2 % = 2.
    Held held = new Held().add(95, 0, 5, 0, 0).add(1, 1, 0.4, 0, 1).add(4, 2, 0.4, 0, 0);
    UnexplainedRule rule = held.rule(-1, 0.02);
    assertThat(rule.probability()).isEqualTo(0.5);
    assertThat(rule.evidence()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(rule.unexplained(topProbability(new double[] {0.4, 0, 0}), 99)).isTrue();
  }

  @Test
  void overTheBudgetOnlyTheTextsWithTheLeastEvidenceAreWithheld() {
    // 100 in scope: 80 sure and right, 10 wrong, 10 unsure right answers with rising evidence;
    // the budget of 3 % lets 3 of those go.
    Held held = new Held().add(80, 0, 5, 0, 0).add(10, 1, 0.5, 0, 0);
    for (int i = 0; i < 10; i++) {
      held.add(1, 2, 0.1 * i, 0.1 * i - 0.2, 2);
    }
    UnexplainedRule rule = held.rule(-1, 0.03);
    int withheldRight = 0;
    for (int i = 0; i < 10; i++) {
      double[] z = {0.1 * i - 0.2, 0.1 * i - 0.2, 0.1 * i};
      double p = topProbability(z);
      withheldRight += rule.unexplained(p, Calibration.evidence(z[2], p, T)) ? 1 : 0;
    }
    assertThat(withheldRight).isEqualTo(3);
    // A text as unsure as these but claimed more strongly than all of them is answered.
    double[] claimed = {1.8, 1.8, 2.0};
    double p = topProbability(claimed);
    assertThat(p).isLessThan(0.5);
    assertThat(rule.unexplained(p, Calibration.evidence(2.0, p, T))).isFalse();
  }

  @Test
  void wrongAnswersAndUnknownTextsCostNothing() {
    // 50 in scope, all unsure: 49 wrong, 1 right; 50 held-out unknown texts do not count.
    Held held = new Held().add(49, 1, 0.2, 0, 0).add(1, 0, 0.2, 0, 0).add(50, 0, 0.2, 0, 2);
    assertThat(held.rule(2, 0.02).evidence()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(held.rule(2, 0.0).evidence()).isLessThan(Double.POSITIVE_INFINITY);
  }

  @Test
  void aSureAnswerIsNeverUnexplained() {
    UnexplainedRule rule = new UnexplainedRule(0.5, Double.POSITIVE_INFINITY);
    assertThat(rule.unexplained(0.5, -100)).isFalse();
    assertThat(rule.atLeastAbove(0.7, 1.0).unexplained(0.7, 1.0)).isTrue();
  }
}

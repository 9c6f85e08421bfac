package nl.waarom.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final String U = Metrics.UNKNOWN;

  @Test
  void accuracyAndMacroF1WithoutUnknownLabel() {
    // a: tp 2, fn 1 (predicted b), fp 0 -> P 1, R 2/3, F1 0.8
    // b: tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 2/3
    Metrics m = new Metrics(List.of("a", "a", "a", "b"), List.of("a", "a", "b", "b"), null);
    assertThat(m.accuracy()).isEqualTo(0.75);
    assertThat(m.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-12));
    assertThat(m.oosRecall()).isNaN();
  }

  @Test
  void inScopeAccuracyCountsUnknownAsWrongAndOosFiguresUseBothForms() {
    List<String> truth = List.of("a", "a", "b", "oos", "oos", "oos", "b");
    List<String> pred = List.of("a", U, "b", U, "oos", "a", "oos");
    Metrics m = new Metrics(truth, pred, "oos");
    assertThat(m.inScopeAccuracy()).isEqualTo(2.0 / 4);
    assertThat(m.accuracy()).isEqualTo(4.0 / 7);
    // predicted out of scope: U, U, oos, oos -> 2 of those 4 are truly oos
    assertThat(m.oosPrecision()).isEqualTo(0.5);
    assertThat(m.oosRecall()).isEqualTo(2.0 / 3);
    // a: tp 1, fp 1, fn 1 -> 0.5 ; b: tp 1, fp 0, fn 1 -> 2/3
    assertThat(m.macroF1()).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-12));
  }
}

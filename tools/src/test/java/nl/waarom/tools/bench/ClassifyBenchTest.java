package nl.waarom.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassifyBenchTest {
  @Test
  void optionsDefaultToTheDocumentedRunAndRejectNonsense() {
    assertThat(ClassifyBench.Options.defaults())
        .isEqualTo(new ClassifyBench.Options(2, 500, 2_048, 20, 10));
    assertThat(new ClassifyBench.Options(1, 0, 1, 1, 0).warmup()).isZero();
    assertThatThrownBy(() -> new ClassifyBench.Options(0, 500, 2_048, 20, 10))
        .hasMessageContaining("threads=0");
    assertThatThrownBy(() -> new ClassifyBench.Options(2, -1, 2_048, 20, 10))
        .hasMessageContaining("extraRules=-1");
  }
}

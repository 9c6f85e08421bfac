package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settings the embedded stack picks for the machine it runs on. */
class LocalStackDefaultsTest {

  @Test
  void streamThreadsAreHalfTheProcessorsAtLeastOneAndNoMoreThanThePartitions() {
    assertThat(LocalStack.streamThreads(1, 3)).isEqualTo(1);
    assertThat(LocalStack.streamThreads(2, 3)).isEqualTo(1);
    assertThat(LocalStack.streamThreads(4, 3)).isEqualTo(2);
    assertThat(LocalStack.streamThreads(8, 3)).isEqualTo(3);
    assertThat(LocalStack.streamThreads(64, 12)).isEqualTo(12);
    assertThat(LocalStack.streamThreads(8, 1)).isEqualTo(1);
  }
}

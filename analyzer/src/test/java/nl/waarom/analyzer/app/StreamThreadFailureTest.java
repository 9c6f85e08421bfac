package nl.waarom.analyzer.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** What the running analyzer does when a stream thread dies. */
class StreamThreadFailureTest {
  @Test
  void aRefusedAuthenticationStopsTheApplicationInsteadOfRetryingForever() {
    assertThat(AnalyzerApp.onStreamThreadFailure(new StreamsException(
        new SaslAuthenticationException("invalid credentials"))))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void anyOtherFailureReplacesTheThread() {
    assertThat(AnalyzerApp.onStreamThreadFailure(new StreamsException("state store closed")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}

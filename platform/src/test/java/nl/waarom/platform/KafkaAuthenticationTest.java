package nl.waarom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaAuthenticationTest {
  @Test
  void anAuthenticationFailureIsFoundAmongTheCauses() {
    Exception wrapped = new ExecutionException(new KafkaException("poll failed",
        new SaslAuthenticationException("Authentication failed during authentication due to "
            + "invalid credentials with SASL mechanism SCRAM-SHA-512")));

    assertThat(KafkaAuthentication.failed(wrapped)).isTrue();
    assertThat(KafkaAuthentication.message(wrapped)).isEqualTo("Kafka authentication failed: "
        + "Authentication failed during authentication due to invalid credentials with SASL "
        + "mechanism SCRAM-SHA-512");
  }

  @Test
  void otherFailuresAreNot() {
    Exception timeout = new ExecutionException(new TimeoutException("Timed out waiting"));
    assertThat(KafkaAuthentication.failed(timeout)).isFalse();
    assertThat(KafkaAuthentication.message(timeout)).isNull();
    assertThat(KafkaAuthentication.message(null)).isNull();
  }
}

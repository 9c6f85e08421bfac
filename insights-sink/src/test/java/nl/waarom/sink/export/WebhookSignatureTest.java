package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "0123456789abcdef";
  private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);

  @Test
  void theSignatureIsTheHexHmacOfTimestampDotBody() {
    // Reference value: printf '1790000000.{"a":1}' | openssl dgst -sha256 -hmac 0123456789abcdef
    assertThat(WebhookSignature.sign(SECRET, 1_790_000_000L, "{\"a\":1}"))
        .isEqualTo("v1=d569e4518fe6f4620fd6639233427e7df5e5394d8f14c85c1063b8d90a724dcb");
  }

  @Test
  void verifyAcceptsTheGenuineDeliveryOnly() {
    String body = "{\"itemId\":\"spike.x\"}";
    String sig = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), body);
    String ts = Long.toString(NOW.getEpochSecond());

    assertThat(WebhookSignature.verify(SECRET, sig, ts, body, NOW.plusSeconds(60))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, sig, ts, body + " ", NOW)).isFalse();
    assertThat(WebhookSignature.verify("another-secret-16", sig, ts, body, NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, sig, Long.toString(NOW.getEpochSecond() + 1), body,
        NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, sig, ts, body, NOW.plusSeconds(301))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "v1=zz", ts, body, NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, ts, body, NOW)).isFalse();
  }
}

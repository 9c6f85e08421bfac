package nl.waarom.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  @Test
  void isTheHexHmacSha256OfTheId() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(new Pseudonymizer("Jefe").keyFor("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void isDeterministicPerSecretAndDiffersAcrossSecrets() {
    Pseudonymizer a = new Pseudonymizer("secret-a");
    assertThat(a.keyFor("cust-42")).isEqualTo(new Pseudonymizer("secret-a").keyFor("cust-42"))
        .isNotEqualTo(new Pseudonymizer("secret-b").keyFor("cust-42"))
        .isNotEqualTo(a.keyFor("cust-43"))
        .hasSize(64).doesNotContain("cust-42");
  }

  @Test
  void rejectsAnEmptySecret() {
    assertThatThrownBy(() -> new Pseudonymizer("")).isInstanceOf(IllegalArgumentException.class);
  }
}

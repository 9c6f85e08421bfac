package nl.waarom.sink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiTokensTest {
  private static final String REPORT = "s3cret-report-token";
  private static final String DEPLOY = "another-token-for-deploys";

  @Test
  void aTokenIsKnownByItsHashAndStandsForItsNameAndRole() {
    ApiTokens tokens = ApiTokens.parse(" report:viewer:" + ApiTokens.hash(REPORT)
        + " , deploy:EDITOR:" + ApiTokens.hash(DEPLOY).toUpperCase(java.util.Locale.ROOT));

    assertThat(tokens.verify(REPORT)).contains(new Identity("report", Role.VIEWER, "token"));
    assertThat(tokens.verify(DEPLOY)).contains(new Identity("deploy", Role.EDITOR, "token"));
    assertThat(tokens.verify(REPORT + "x")).isEmpty();
    assertThat(tokens.verify(ApiTokens.hash(REPORT))).as("the hash is no token").isEmpty();
    assertThat(tokens.verify("")).isEmpty();
    assertThat(tokens.toString()).isEqualTo("[report:viewer, deploy:editor]")
        .doesNotContain(ApiTokens.hash(REPORT));
  }

  @Test
  void blankIsNoTokensAndBadEntriesAreNamedWithoutEchoingSecrets() {
    assertThat(ApiTokens.parse("  ").isEmpty()).isTrue();
    assertThatThrownBy(() -> ApiTokens.parse("report:viewer:" + REPORT))
        .hasMessageContaining("report").hasMessageContaining("SHA-256")
        .hasMessageNotContaining(REPORT);
    assertThatThrownBy(() -> ApiTokens.parse("report:admin:" + ApiTokens.hash(REPORT)))
        .hasMessageContaining("viewer or editor");
    assertThatThrownBy(() -> ApiTokens.parse("report:" + ApiTokens.hash(REPORT)))
        .hasMessageContaining("name:role:sha256-hex");
    assertThatThrownBy(() -> ApiTokens.parse("a:viewer:" + ApiTokens.hash(REPORT)
        + ",a:editor:" + ApiTokens.hash(DEPLOY))).hasMessageContaining("twice");
  }
}

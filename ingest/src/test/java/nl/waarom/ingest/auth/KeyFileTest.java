package nl.waarom.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys file on a clock the test moves, so no test waits for the check interval. */
class KeyFileTest {
  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong(1_000);
  private static final String A = ApiKey.generate();
  private static final String B = ApiKey.generate();

  private void later() {
    now.addAndGet(KeyFile.CHECK_INTERVAL.toNanos());
  }

  @Test
  void aChangedFileIsReadAgainAtTheNextCheckAndNotBefore() throws Exception {
    Path path = dir.resolve("keys");
    Files.writeString(path, ApiKey.of("a", A, null).fileLine() + "\n");
    KeyFile file = KeyFile.open(path, now::get);
    assertThat(file.keys().find(A)).isPresent();

    Files.writeString(path, ApiKey.of("b", B, null).fileLine() + "\n# A revoked\n");
    assertThat(file.keys().find(A)).as("not checked yet").isPresent();
    later();
    assertThat(file.keys().find(A)).isEmpty();
    assertThat(file.keys().find(B)).map(ApiKey::name).hasValue("b");
    assertThat(file).hasToString(path + " (1 key(s): b)");
  }

  @Test
  void aBrokenFileKeepsTheKeysReadBeforeAndADeletedOneRevokesAll() throws Exception {
    Path path = dir.resolve("keys");
    Files.writeString(path, ApiKey.of("a", A, null).fileLine() + "\n");
    KeyFile file = KeyFile.open(path, now::get);

    Files.writeString(path, "a " + A + "\n");  // the key itself instead of its hash
    later();
    assertThat(file.keys().find(A)).map(ApiKey::name).hasValue("a");

    Files.delete(path);
    later();
    assertThat(file.keys().isEmpty()).isTrue();
  }

  @Test
  void aMissingOrBrokenFileFailsTheStart() throws Exception {
    assertThatThrownBy(() -> KeyFile.open(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no such file: ");
    Path path = dir.resolve("keys");
    Files.writeString(path, "a " + A + "\n");
    assertThatThrownBy(() -> KeyFile.open(path))
        .hasMessage("line 1: the hash of key 'a' is not a SHA-256 in hex (64 hex digits)")
        .hasMessageNotContaining(A);
    assertThat(KeyFile.NONE.keys().isEmpty()).isTrue();
  }
}

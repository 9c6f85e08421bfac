package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.ApiKeys;
import nl.waarom.ingest.auth.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackKeysTest {
  @TempDir Path dataDir;

  @Test
  void theUsersKeyIsKeptInTheDataFolderForTheUserAloneAndReusedAcrossStarts() throws Exception {
    StackKeys first = StackKeys.create(dataDir);
    Path file = dataDir.resolve(StackKeys.USER_KEY_FILE);
    assertThat(first.userFile()).isEqualTo(file);
    assertThat(Files.readString(file).strip()).isEqualTo(first.user()).startsWith(ApiKey.PREFIX);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    StackKeys second = StackKeys.create(dataDir);
    assertThat(second.user()).isEqualTo(first.user());
    assertThat(second.demo()).as("the stack's own clients get new keys every start")
        .isNotEqualTo(first.demo());
    assertThat(second.toString()).doesNotContain(second.user(), second.demo(), second.bench());
  }

  @Test
  void theGatewayGetsOnlyHashesNextToTheKeysTheUserConfigured() {
    StackKeys keys = StackKeys.create(dataDir);
    String own = ApiKey.generate();
    Map<String, String> env = new HashMap<>(Map.of("WAAROM_GATEWAY_API_KEYS",
        ApiKey.of("crm", own, null).settingEntry()));

    keys.addTo(env);

    String value = env.get("WAAROM_GATEWAY_API_KEYS");
    assertThat(value).doesNotContain(keys.demo(), keys.bench(), keys.user());
    ApiKeys configured = ApiKeys.parseSetting(value);
    assertThat(configured.find(own)).map(ApiKey::name).hasValue("crm");
    assertThat(configured.find(keys.demo())).hasValue(
        ApiKey.of("demo", keys.demo(), RateLimit.UNLIMITED));
    assertThat(configured.find(keys.bench())).hasValue(
        ApiKey.of("bench", keys.bench(), RateLimit.UNLIMITED));
    assertThat(configured.find(keys.user())).hasValue(ApiKey.of("local", keys.user(), null));
  }
}

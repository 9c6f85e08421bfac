package nl.waarom.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.gateway.GatewaySettings;
import nl.waarom.platform.Config;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  /** SHA-256 of the UTF-8 bytes of "abc" (FIPS 180-2, appendix B.1). */
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void aKeyIsStoredAsTheSha256OfItsUtf8Bytes() {
    ApiKey key = ApiKey.of("crm", "abc", null);
    assertThat(key.sha256()).isEqualTo(SHA256_ABC);
    assertThat(key.matches("abc")).isTrue();
    assertThat(key.matches("abd")).isFalse();
    assertThat(key.matches(SHA256_ABC)).as("the hash is not the key").isFalse();
    assertThat(new ApiKey("crm", SHA256_ABC.toUpperCase(), null).matches("abc")).isTrue();
  }

  @Test
  void generatedKeysAreLongRandomAndNeverTheSame() {
    String a = ApiKey.generate();
    String b = ApiKey.generate();
    assertThat(a).startsWith("wrm_").hasSize(47).matches("wrm_[A-Za-z0-9_-]{43}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void theSettingAndTheFileSayTheSameThingTwoWays() {
    ApiKeys fromSetting = ApiKeys.parseSetting(" crm:" + SHA256_ABC + " ,, bench:"
        + "a".repeat(64) + ":unlimited,slow:" + "b".repeat(64) + ":10/min");
    ApiKeys fromFile = ApiKeys.parseFile(List.of("# clients", "", "crm " + SHA256_ABC,
        "bench\t" + "a".repeat(64) + "  unlimited", "  slow " + "b".repeat(64) + " 10/MIN  "));
    List<ApiKey> expected = List.of(new ApiKey("crm", SHA256_ABC, null),
        new ApiKey("bench", "a".repeat(64), RateLimit.UNLIMITED),
        new ApiKey("slow", "b".repeat(64), new RateLimit(10, Duration.ofMinutes(1))));
    assertThat(fromSetting.all()).isEqualTo(expected);
    assertThat(fromFile.all()).isEqualTo(expected);
    assertThat(ApiKeys.parseSetting("").isEmpty()).isTrue();
    assertThat(fromSetting.find("abc")).hasValue(expected.get(0));
    assertThat(fromSetting.find("abcd")).isEmpty();
  }

  @Test
  void badEntriesAreNamedByPositionWithoutEchoingThem() {
    assertThatThrownBy(() -> ApiKeys.parseSetting("crm:" + SHA256_ABC + ",bench"))
        .hasMessage("entry 2 is not of the form name:sha256-hex[:limit]");
    assertThatThrownBy(() -> ApiKeys.parseSetting("crm:wrm_secretkeyinsteadofhash"))
        .hasMessage("entry 1: the hash of key 'crm' is not a SHA-256 in hex (64 hex digits)")
        .hasMessageNotContaining("wrm_secret");
    assertThatThrownBy(() -> ApiKeys.parseFile(List.of("# x", "crm " + SHA256_ABC + " fast")))
        .hasMessageStartingWith("line 2: not a rate limit: 'fast'");
    assertThatThrownBy(() -> ApiKeys.parseFile(List.of("cr m " + SHA256_ABC)))
        .hasMessageStartingWith("line 1: ");
    assertThatThrownBy(() -> ApiKeys.parseSetting("a:" + SHA256_ABC + ",b:" + SHA256_ABC))
        .hasMessage("the hash of key 'b' appears twice");
  }

  @Test
  void aNameMayHoldSeveralKeysWhileOneIsRotated() {
    ApiKeys keys = ApiKeys.parseSetting("crm:" + SHA256_ABC + ",crm:" + "c".repeat(64));
    assertThat(keys.find("abc")).map(ApiKey::name).hasValue("crm");
  }

  @Test
  void rateLimitsAreWrittenTheWayOperatorsDo() {
    assertThat(RateLimit.parse("200/s")).isEqualTo(new RateLimit(200, Duration.ofSeconds(1)));
    assertThat(RateLimit.parse(" 3000 / min")).isEqualTo(new RateLimit(3000, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("5/h")).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
    assertThat(RateLimit.parse("Unlimited")).isSameAs(RateLimit.UNLIMITED);
    assertThat(RateLimit.parse("off").unlimited()).isTrue();
    assertThat(RateLimit.parse("200/s")).hasToString("200/s");
    assertThat(RateLimit.parse("10/m")).hasToString("10/min");
    for (String bad : List.of("0/s", "-1/s", "200", "200/d", "x/s", "")) {
      assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a rate limit");
    }
  }

  @Test
  void aClientOverItsLimitIsToldHowLongToWaitAndOthersAreNotHeldUp() {
    RateLimiter limiter = new RateLimiter();
    RateLimit twoPerMinute = new RateLimit(2, Duration.ofMinutes(1));
    assertThat(limiter.acquire("a", twoPerMinute)).isZero();
    assertThat(limiter.acquire("a", twoPerMinute)).isZero();
    Duration wait = limiter.acquire("a", twoPerMinute);
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(limiter.acquire("b", twoPerMinute)).isZero();
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.acquire("a", RateLimit.UNLIMITED)).isZero();
    }
  }

  @Test
  void theStartUpLogShowsKeyNamesButNoHashOrKey() {
    String key = ApiKey.generate();
    ApiKey stored = ApiKey.of("crm-export", key, RateLimit.parse("10/s"));
    Config config = Config.load(GatewaySettings.all(), Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
        GatewaySettings.API_KEYS.env(), stored.settingEntry() + ",demo:" + SHA256_ABC));
    String described = config.describe();
    assertThat(described)
        .contains("WAAROM_GATEWAY_API_KEYS=2 key(s): crm-export (10/s), demo")
        .contains("WAAROM_GATEWAY_API_KEYS_FILE=none")
        .doesNotContain(key).doesNotContain(stored.sha256()).doesNotContain(SHA256_ABC);
  }
}

package nl.waarom.sink.access;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.waarom.platform.Config;

/**
 * API tokens for tests: the token of a name is {@code test-token-<name>}, and the configuration
 * holds only its SHA-256, as in production.
 */
public final class TestTokens {
  private TestTokens() {}

  /** The bearer token of {@code name}. */
  public static String token(String name) {
    return "test-token-" + name;
  }

  /** The Authorization header value of {@code name}. */
  public static String bearer(String name) {
    return "Bearer " + token(name);
  }

  /** A WAAROM_API_TOKENS value for entries {@code name:role}. */
  public static String setting(String... nameRoles) {
    return Arrays.stream(nameRoles).map(nr -> {
      String name = nr.substring(0, nr.indexOf(':'));
      return nr + ":" + ApiTokens.hash(token(name));
    }).collect(Collectors.joining(","));
  }

  /** Access with these tokens and nothing else, on the loopback address. */
  public static Access access(DataSource dataSource, String... nameRoles) {
    return Access.create(AccessConfig.from(Config.load(AccessSettings.all(),
        Map.of(AccessSettings.API_TOKENS.env(), setting(nameRoles)))), Clock.systemUTC(),
        "127.0.0.1", dataSource);
  }
}

package nl.waarom.sink.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time sign-in links, as notebook servers print them: the local stack issues one for its user
 * and prints it; opening it once, within {@code validFor}, gives that browser a session. Only the
 * process that started the sink can issue a link, so a deployed sink, where nothing does, has none.
 */
public final class SignInLinks {
  private record Pending(Identity identity, Instant until) {}

  private final Map<String, Pending> byToken = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration validFor;

  public SignInLinks(Clock clock, Duration validFor) {
    this.clock = clock;
    this.validFor = validFor;
  }

  /** A new single-use token for {@code identity}. */
  public String issue(Identity identity) {
    Instant now = clock.instant();
    byToken.values().removeIf(p -> !now.isBefore(p.until()));
    String token = Secrets.random();
    byToken.put(token, new Pending(identity, now.plus(validFor)));
    return token;
  }

  /** The identity of a token not used before and not expired; the token is spent either way. */
  public Optional<Identity> redeem(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Pending p = byToken.remove(token);
    return p == null || !clock.instant().isBefore(p.until()) ? Optional.empty()
        : Optional.of(p.identity());
  }
}

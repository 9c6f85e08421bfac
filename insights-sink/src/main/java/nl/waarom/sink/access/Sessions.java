package nl.waarom.sink.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in people of one sink instance, kept in memory: a session is a random id (the
 * cookie's value) standing for an {@link Identity} and a CSRF token. A session ends when it has
 * been idle for {@code idleTimeout} or has existed for {@code maxAge}, whichever comes first; a
 * restart ends them all.
 */
public final class Sessions {
  /** One signed-in person; {@code csrf} is what the board's script sends in X-CSRF-Token. */
  public record Session(String id, Identity identity, String csrf, Instant createdAt) {}

  private record Entry(Session session, Instant lastSeen) {}

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration maxAge;

  public Sessions(Clock clock, Duration idleTimeout, Duration maxAge) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  /** A new session for {@code identity}; drops sessions that have expired meanwhile. */
  public Session open(Identity identity) {
    Instant now = clock.instant();
    byId.values().removeIf(e -> expired(e, now));
    Session s = new Session(Secrets.random(), identity, Secrets.random(), now);
    byId.put(s.id(), new Entry(s, now));
    return s;
  }

  /** The live session with this id, marked as used now; empty for unknown or expired ids. */
  public Optional<Session> use(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Entry e = byId.get(id);
    if (e == null) {
      return Optional.empty();
    }
    if (expired(e, now)) {
      byId.remove(id, e);
      return Optional.empty();
    }
    byId.replace(id, e, new Entry(e.session(), now));
    return Optional.of(e.session());
  }

  /** Ends the session; unknown ids are ignored. */
  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** How long a session may live at most, for the cookie's Max-Age. */
  public Duration maxAge() {
    return maxAge;
  }

  private boolean expired(Entry e, Instant now) {
    return !now.isBefore(e.lastSeen().plus(idleTimeout))
        || !now.isBefore(e.session().createdAt().plus(maxAge));
  }
}

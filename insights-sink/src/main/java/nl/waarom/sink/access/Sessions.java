package nl.waarom.sink.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.waarom.sink.db.SignInStore;
import nl.waarom.sink.db.SignInStore.StoredSession;

/**
 * The signed-in people, kept in the sink's database so that every instance knows them: a session
 * is a random id (the cookie's value; only its SHA-256 is stored) standing for an
 * {@link Identity} and a CSRF token. A session ends when it has been idle for {@code idleTimeout}
 * (requests are recorded to the minute) or has existed for {@code maxAge}, whichever comes first.
 */
public final class Sessions {
  /** How often a request of a live session is recorded: the idle timeout's precision. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** One signed-in person; {@code csrf} is what the board's script sends in X-CSRF-Token. */
  public record Session(String id, Identity identity, String csrf, Instant createdAt) {}

  private final SignInStore store;
  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration maxAge;

  public Sessions(SignInStore store, Clock clock, Duration idleTimeout, Duration maxAge) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  /** A new session for {@code identity}; deletes sessions that have expired meanwhile. */
  public Session open(Identity identity) {
    Instant now = clock.instant();
    store.deleteExpired(now.minus(idleTimeout), now.minus(maxAge));
    Session s = new Session(Secrets.random(), identity, Secrets.random(), now);
    store.save(new StoredSession(ApiTokens.hash(s.id()), identity.name(), identity.role().value(),
        identity.via(), s.csrf(), now, now));
    return s;
  }

  /** The live session with this id, its use recorded; empty for unknown or expired ids. */
  public Optional<Session> use(String id) {
    if (id == null || id.isBlank() || id.length() > 128) {
      return Optional.empty();
    }
    String hash = ApiTokens.hash(id);
    Optional<StoredSession> stored = store.session(hash);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredSession s = stored.get();
    Instant now = clock.instant();
    Optional<Role> role = Role.parse(s.role());
    if (!now.isBefore(s.lastSeen().plus(idleTimeout)) || !now.isBefore(s.createdAt().plus(maxAge))
        || role.isEmpty()) {
      store.delete(hash);
      return Optional.empty();
    }
    if (!now.isBefore(s.lastSeen().plus(TOUCH_EVERY))) {
      store.touch(hash, now);
    }
    return Optional.of(new Session(id, new Identity(s.name(), role.get(), s.via()), s.csrf(),
        s.createdAt()));
  }

  /** Ends the session; unknown ids are ignored. */
  public void close(String id) {
    if (id != null && !id.isBlank()) {
      store.delete(ApiTokens.hash(id));
    }
  }

  /** How long a session may live at most, for the cookie's Max-Age. */
  public Duration maxAge() {
    return maxAge;
  }
}

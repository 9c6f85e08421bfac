package nl.waarom.sink.db;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The tables {@code sign_in_sessions} and {@code sign_in_pending}: sessions of signed-in people
 * and OpenID Connect sign-ins in progress, shared by every sink instance on the database. Only the
 * hash of a session id is stored. Thread-safe.
 */
public final class SignInStore {
  /** A stored session; {@code idHash} is the SHA-256 (hex) of the cookie's value. */
  public record StoredSession(String idHash, String name, String role, String via, String csrf,
      Instant createdAt, Instant lastSeen) {}

  /** A sign-in in progress, keyed by the state the provider sends back. */
  public record PendingSignIn(String state, String nonce, String verifier, String redirectUri,
      String next, Instant expiresAt) {}

  private static final RowMapper<StoredSession> SESSION = (rs, ctx) -> new StoredSession(
      rs.getString("id_hash"), rs.getString("name"), rs.getString("role"), rs.getString("via"),
      rs.getString("csrf"), Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "last_seen"));
  private static final RowMapper<PendingSignIn> PENDING = (rs, ctx) -> new PendingSignIn(
      rs.getString("state"), rs.getString("nonce"), rs.getString("verifier"),
      rs.getString("redirect_uri"), rs.getString("next"), Sql.getInstant(rs, "expires_at"));

  private final Db db;

  /** @param dataSource never null */
  public SignInStore(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** Stores a new session. */
  public void save(StoredSession s) {
    db.read(h -> h.createUpdate("INSERT INTO sign_in_sessions (id_hash, name, role, via, csrf,"
            + " created_at, last_seen) VALUES (:idHash, :name, :role, :via, :csrf, :createdAt,"
            + " :lastSeen)")
        .bind("idHash", s.idHash()).bind("name", s.name()).bind("role", s.role())
        .bind("via", s.via()).bind("csrf", s.csrf())
        .bindByType("createdAt", s.createdAt(), Instant.class)
        .bindByType("lastSeen", s.lastSeen(), Instant.class).execute());
  }

  /** The session with this id hash, if stored. */
  public Optional<StoredSession> session(String idHash) {
    return db.read(h -> h.createQuery("SELECT id_hash, name, role, via, csrf, created_at,"
            + " last_seen FROM sign_in_sessions WHERE id_hash = :idHash")
        .bind("idHash", idHash).map(SESSION).findFirst());
  }

  /** Records a request with the session. */
  public void touch(String idHash, Instant lastSeen) {
    db.read(h -> h.createUpdate("UPDATE sign_in_sessions SET last_seen = :lastSeen"
            + " WHERE id_hash = :idHash AND last_seen < :lastSeen")
        .bind("idHash", idHash).bindByType("lastSeen", lastSeen, Instant.class).execute());
  }

  /** Deletes the session; unknown hashes are ignored. */
  public void delete(String idHash) {
    db.read(h -> h.createUpdate("DELETE FROM sign_in_sessions WHERE id_hash = :idHash")
        .bind("idHash", idHash).execute());
  }

  /** Deletes sessions idle since before {@code idleBefore} or created before {@code oldBefore}. */
  public int deleteExpired(Instant idleBefore, Instant oldBefore) {
    return db.read(h -> h.createUpdate("DELETE FROM sign_in_sessions WHERE last_seen <= :idle"
            + " OR created_at <= :old")
        .bindByType("idle", idleBefore, Instant.class).bindByType("old", oldBefore, Instant.class)
        .execute());
  }

  /** Stores a sign-in in progress, and deletes those that expired by {@code now}. */
  public void save(PendingSignIn p, Instant now) {
    db.inTransaction(h -> {
      h.createUpdate("DELETE FROM sign_in_pending WHERE expires_at <= :now")
          .bindByType("now", now, Instant.class).execute();
      return h.createUpdate("INSERT INTO sign_in_pending (state, nonce, verifier, redirect_uri,"
              + " next, expires_at) VALUES (:state, :nonce, :verifier, :redirectUri, :next,"
              + " :expiresAt)")
          .bind("state", p.state()).bind("nonce", p.nonce()).bind("verifier", p.verifier())
          .bind("redirectUri", p.redirectUri()).bind("next", p.next())
          .bindByType("expiresAt", p.expiresAt(), Instant.class).execute();
    });
  }

  /** Removes and returns the sign-in with this state: each can be completed once. */
  public Optional<PendingSignIn> take(String state) {
    return db.read(h -> h.createQuery("DELETE FROM sign_in_pending WHERE state = :state"
            + " RETURNING state, nonce, verifier, redirect_uri, next, expires_at")
        .bind("state", state).map(PENDING).findFirst());
  }
}

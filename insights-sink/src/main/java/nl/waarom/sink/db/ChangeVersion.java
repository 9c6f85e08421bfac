package nl.waarom.sink.db;

import javax.sql.DataSource;

/**
 * A version string of everything the board shows: the latest stored insight, the latest backlog
 * change, the latest trend and explained-share update, each an indexed max. It changes whenever
 * any writer (the consumer, the API, the verifier, another sink instance) changes what the board
 * shows. Thread-safe.
 */
public final class ChangeVersion {
  private static final String VERSION = "SELECT concat_ws('|',"
      + " (SELECT max(last_seen_at) FROM insights),"
      + " (SELECT max(event_id) FROM backlog_events),"
      + " (SELECT max(updated_at) FROM reason_trends),"
      + " (SELECT max(updated_at) FROM explained_share))";

  private final Db db;

  /** @param dataSource never null */
  public ChangeVersion(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** The current version; never null. */
  public String current() {
    return db.read(h -> h.createQuery(VERSION).mapTo(String.class).findOne().orElse(""));
  }
}

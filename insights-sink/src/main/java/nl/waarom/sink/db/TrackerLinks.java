package nl.waarom.sink.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code tracker_links} table: reads links, claims creations and records what was exported
 * and read back. The claim is the guard against duplicates across restarts and sink instances: a
 * row keyed by (item, tracker) is inserted, or a stale claim taken over, in one atomic statement
 * before the tracker issue is created. Trackers are named by their id ({@code jira},
 * {@code github}, {@code webhook}). Thread-safe. The board and API read links with
 * {@link #forItem} and {@link #all}.
 */
public final class TrackerLinks {
  private static final String SELECT = "SELECT item_id, tracker, external_id, external_key, url,"
      + " tracker_status, tracker_status_category, last_exported_hash, last_exported_at,"
      + " last_synced_at, last_error, claimed_at FROM tracker_links";
  private static final RowMapper<TrackerLink> LINK = (rs, ctx) -> new TrackerLink(
      rs.getString("item_id"), rs.getString("tracker"), rs.getString("external_id"),
      rs.getString("external_key"), rs.getString("url"), rs.getString("tracker_status"),
      rs.getString("tracker_status_category"), rs.getString("last_exported_hash"),
      Sql.getInstant(rs, "last_exported_at"), Sql.getInstant(rs, "last_synced_at"),
      rs.getString("last_error"), Sql.getInstant(rs, "claimed_at"));

  private final Db db;

  /** @param dataSource never null */
  public TrackerLinks(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * An issue in a tracker as the exporter last saw it.
   *
   * @param externalId never null
   * @param key may be null
   * @param url may be null
   * @param status may be null (then the stored status is kept when exporting)
   * @param statusCategory may be null (as status)
   */
  public record Issue(String externalId, String key, String url, String status,
      String statusCategory) {}

  /** The link of an item to a tracker, if there is a row. */
  public Optional<TrackerLink> find(String itemId, String tracker) {
    return db.read(h -> h.createQuery(SELECT + " WHERE item_id = :itemId AND tracker = :tracker")
        .bind("itemId", itemId).bind("tracker", tracker).map(LINK).findFirst());
  }

  /** Every link of an item (one per tracker it was exported to); never null. */
  public List<TrackerLink> forItem(String itemId) {
    return db.read(h -> h.createQuery(SELECT + " WHERE item_id = :itemId ORDER BY tracker")
        .bind("itemId", itemId).map(LINK).list());
  }

  /** Every row, by item and tracker; never null. */
  public List<TrackerLink> all() {
    return db.read(h -> h.createQuery(SELECT + " ORDER BY item_id, tracker").map(LINK).list());
  }

  /** The links to a tracker whose issue exists; never null. */
  public List<TrackerLink> linked(String tracker) {
    return db.read(h -> h.createQuery(SELECT
            + " WHERE tracker = :tracker AND external_id IS NOT NULL ORDER BY item_id")
        .bind("tracker", tracker).map(LINK).list());
  }

  /**
   * Claims the creation of an item's issue: true when this caller may create it now — there was no
   * row, or the row has no issue and no claim younger than {@code lease} (a crashed or failed
   * creation). False when the issue exists or another exporter is creating it.
   */
  public boolean claim(String itemId, String tracker, Instant now, Duration lease) {
    return db.read(h -> h.createQuery("INSERT INTO tracker_links (item_id, tracker, claimed_at)"
            + " VALUES (:itemId, :tracker, :now)"
            + " ON CONFLICT (item_id, tracker) DO UPDATE SET claimed_at = EXCLUDED.claimed_at"
            + " WHERE tracker_links.external_id IS NULL"
            + " AND (tracker_links.claimed_at IS NULL OR tracker_links.claimed_at < :staleBefore)"
            + " RETURNING item_id")
        .bind("itemId", itemId).bind("tracker", tracker)
        .bindByType("now", now, Instant.class)
        .bindByType("staleBefore", now.minus(lease), Instant.class)
        .mapTo(String.class).findOne().isPresent());
  }

  /** Records a created, adopted or updated issue with the content hash sent; clears the claim. */
  public void exported(String itemId, String tracker, Issue issue, String hash, Instant now) {
    db.read(h -> h.createUpdate("UPDATE tracker_links SET external_id = :externalId,"
            + " external_key = :key, url = :url,"
            + " tracker_status = coalesce(:status, tracker_status),"
            + " tracker_status_category = coalesce(:statusCategory, tracker_status_category),"
            + " last_exported_hash = :hash, last_exported_at = :now, last_error = NULL,"
            + " last_error_at = NULL, claimed_at = NULL"
            + " WHERE item_id = :itemId AND tracker = :tracker")
        .bind("externalId", issue.externalId()).bind("key", issue.key()).bind("url", issue.url())
        .bind("status", issue.status()).bind("statusCategory", issue.statusCategory())
        .bind("hash", hash).bindByType("now", now, Instant.class)
        .bind("itemId", itemId).bind("tracker", tracker)
        .execute());
  }

  /** Records the status read back from the tracker. */
  public void synced(String itemId, String tracker, Issue issue, Instant now) {
    db.read(h -> h.createUpdate("UPDATE tracker_links SET tracker_status = :status,"
            + " tracker_status_category = :statusCategory, url = coalesce(:url, url),"
            + " last_synced_at = :now WHERE item_id = :itemId AND tracker = :tracker")
        .bind("status", issue.status()).bind("statusCategory", issue.statusCategory())
        .bind("url", issue.url()).bindByType("now", now, Instant.class)
        .bind("itemId", itemId).bind("tracker", tracker)
        .execute());
  }

  /** Records a failure; a failed creation also releases its claim so the next run retries. */
  public void failed(String itemId, String tracker, String error, Instant now) {
    db.read(h -> h.createUpdate("UPDATE tracker_links SET last_error = :error,"
            + " last_error_at = :now,"
            + " claimed_at = CASE WHEN external_id IS NULL THEN NULL ELSE claimed_at END"
            + " WHERE item_id = :itemId AND tracker = :tracker")
        .bind("error", error).bindByType("now", now, Instant.class)
        .bind("itemId", itemId).bind("tracker", tracker)
        .execute());
  }
}

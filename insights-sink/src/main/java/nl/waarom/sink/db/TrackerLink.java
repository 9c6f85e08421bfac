package nl.waarom.sink.db;

import java.time.Instant;

/**
 * One {@code tracker_links} row: which tracker issue belongs to a backlog item, and what the
 * exporter last sent and read back. Column meanings: see migration V4.
 *
 * @param itemId never null
 * @param tracker tracker id (jira, github, webhook); never null
 * @param externalId null while the creation is only claimed
 * @param externalKey may be null
 * @param url may be null
 * @param trackerStatus may be null
 * @param trackerStatusCategory may be null
 * @param lastExportedHash may be null
 * @param lastExportedAt may be null
 * @param lastSyncedAt may be null
 * @param lastError may be null
 * @param claimedAt may be null
 */
public record TrackerLink(String itemId, String tracker, String externalId, String externalKey,
    String url, String trackerStatus, String trackerStatusCategory, String lastExportedHash,
    Instant lastExportedAt, Instant lastSyncedAt, String lastError, Instant claimedAt) {

  /** Whether the tracker issue exists (created and stored). */
  public boolean linked() {
    return externalId != null;
  }
}

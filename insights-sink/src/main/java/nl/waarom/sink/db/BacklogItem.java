package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One backlog item as the board and the API show it, with its latest insight.
 *
 * @param itemId never null
 * @param title never null
 * @param kind never null, insight kind symbol
 * @param reasonId may be null (emerging reason)
 * @param candidateTerms never null; non-empty only for items without a reason
 * @param status never null, e.g. new
 * @param insightCount distinct insights behind the item
 * @param firstSeenAt never null, event time of the first insight
 * @param lastSeenAt never null, event time of the latest insight
 * @param estimatedCost may be null
 * @param preventability may be null
 * @param latestInsight never null
 * @param work the team's fields and the ranking figures; never null
 */
public record BacklogItem(String itemId, String title, String kind, String reasonId,
    List<String> candidateTerms, String status, int insightCount, Instant firstSeenAt,
    Instant lastSeenAt, Double estimatedCost, String preventability, InsightRow latestInsight,
    Work work) {

  /**
   * What the team and the ranking add to an item.
   *
   * @param valueAtStake the rank: weekly cost × preventability weight × (1 + repeat rate)
   * @param weeklyVolume estimated contacts per week; may be null
   * @param avgHandleMinutes may be null
   * @param repeatRate may be null
   * @param owner may be null
   * @param statusChangedAt may be null
   * @param statusChangedBy may be null
   * @param dismissedReason may be null
   * @param doneAt when the fix went live; may be null
   * @param verification the impact verification's figures as JSON text; may be null
   */
  public record Work(double valueAtStake, Double weeklyVolume, Double avgHandleMinutes,
      Double repeatRate, String owner, Instant statusChangedAt, String statusChangedBy,
      String dismissedReason, Instant doneAt, String verification) {
    /** An item nobody worked on yet, without ranking figures. */
    public static final Work NONE = new Work(0, null, null, null, null, null, null, null, null,
        null);
  }

  /** An item without work fields (as before the lifecycle existed). */
  public BacklogItem(String itemId, String title, String kind, String reasonId,
      List<String> candidateTerms, String status, int insightCount, Instant firstSeenAt,
      Instant lastSeenAt, Double estimatedCost, String preventability, InsightRow latestInsight) {
    this(itemId, title, kind, reasonId, candidateTerms, status, insightCount, firstSeenAt,
        lastSeenAt, estimatedCost, preventability, latestInsight, Work.NONE);
  }

  public BacklogItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    candidateTerms = List.copyOf(candidateTerms);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latestInsight, "latestInsight");
    Objects.requireNonNull(work, "work");
  }
}

package nl.waarom.sink.backlog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.waarom.sink.db.InsightRow;

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
 */
public record BacklogItem(String itemId, String title, String kind, String reasonId,
    List<String> candidateTerms, String status, int insightCount, Instant firstSeenAt,
    Instant lastSeenAt, Double estimatedCost, String preventability, InsightRow latestInsight) {

  public BacklogItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    candidateTerms = List.copyOf(candidateTerms);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latestInsight, "latestInsight");
  }
}

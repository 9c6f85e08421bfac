package nl.waarom.sink.db;

import java.util.Objects;

/**
 * A backlog item as the exporter sees it: the item columns it sends plus the item's latest insight.
 *
 * @param itemId never null
 * @param title never null
 * @param kind insight kind symbol; never null
 * @param status backlog status; never null
 * @param insightCount distinct insights behind the item
 * @param estimatedCost per week; may be null
 * @param preventability class; may be null
 * @param latest the latest insight; never null
 */
public record ExportItem(String itemId, String title, String kind, String status, int insightCount,
    Double estimatedCost, String preventability, InsightRow latest) {
  public ExportItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latest, "latest");
  }
}

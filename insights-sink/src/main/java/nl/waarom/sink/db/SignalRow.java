package nl.waarom.sink.db;

import java.util.Objects;

/**
 * One explaining signal of an insight, as stored in the {@code insights.signals} jsonb array:
 * something over-represented in the insight's contacts compared with the background.
 *
 * @param kind TERM, CHANNEL, QUEUE, IVR_PATH, ATTRIBUTE or OTHER; never null
 * @param name the attribute key for ATTRIBUTE, otherwise the kind in lower case; never null
 * @param value the over-represented value; never null
 * @param count contacts of the insight with this value
 * @param share count / contacts of the insight
 * @param backgroundShare share of background contacts with this value
 * @param score significance; higher is stronger
 */
public record SignalRow(String kind, String name, String value, long count, double share,
    double backgroundShare, double score) {
  public SignalRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}

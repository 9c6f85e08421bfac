package nl.waarom.sink.export;

import java.util.Locale;

/** Where backlog items are exported to ({@code WAAROM_EXPORT_TRACKER}). */
public enum TrackerKind {
  /** No export; the exporter does not start. */
  NONE,
  /** Jira Cloud or Data Center, REST API v2 or v3. */
  JIRA,
  /** GitHub Issues (REST API). */
  GITHUB,
  /** A generic HTTPS endpoint receiving signed JSON. */
  WEBHOOK;

  /** The value stored in {@code tracker_links.tracker}: the lower-case name; never null. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a setting value, forgivingly: case and surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static TrackerKind parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    for (TrackerKind k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not one of none, jira, github, webhook");
  }
}

package nl.waarom.ingest.privacy;

import java.util.Objects;

/**
 * One piece of personal data found in a text: the characters {@code [start, end)} of the
 * original (unredacted) text and their kind. Immutable.
 */
public record PiiSpan(int start, int end, PiiType type) {
  public PiiSpan {
    Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }

  /** Whether this span covers every character of {@code [from, to)}. */
  public boolean covers(int from, int to) {
    return start <= from && end >= to;
  }

  /** Whether this span shares at least one character with {@code [from, to)}. */
  public boolean overlaps(int from, int to) {
    return start < to && from < end;
  }
}

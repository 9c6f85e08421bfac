package nl.waarom.ingest.dlq;

import java.util.Objects;

/**
 * What {@link DlqMain#list} prints, validated. Immutable.
 *
 * @param filter which dead letters; never null
 * @param limit most letters printed, 1 to {@value #MAX_LIMIT}; the count covers all of them
 */
public record DlqListOptions(DeadLetterFilter filter, int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000_000;

  public DlqListOptions {
    Objects.requireNonNull(filter, "filter");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
    }
  }
}

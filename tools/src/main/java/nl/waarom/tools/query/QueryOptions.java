package nl.waarom.tools.query;

import java.util.Objects;

/**
 * What {@link QueryMain#run} reads and prints, validated. Immutable.
 *
 * @param query which topic; never null
 * @param filter which records; never null. Kinds apply to insights only, window minutes to
 *     trends only
 * @param format how rows are printed; never null
 * @param follow after the records up to the end, keep printing new ones until stopped; not with
 *     an upper time bound, which a live topic never reaches
 * @param everyRecord print every record as it is on the topic, earlier versions of a key
 *     included, instead of the latest record per key
 */
public record QueryOptions(Query query, QueryFilter filter, OutputFormat format, boolean follow,
    boolean everyRecord) {
  public QueryOptions {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(format, "format");
    if (follow && filter.until() != null) {
      throw new IllegalArgumentException("--follow keeps printing new records, so it cannot stop "
          + "at --until; leave one of them out");
    }
    if (!filter.kinds().isEmpty() && query != Query.INSIGHTS) {
      throw new IllegalArgumentException("only insights have a kind");
    }
    if (filter.windowMinutes() != null && query != Query.TRENDS) {
      throw new IllegalArgumentException("only trends have window minutes");
    }
  }
}

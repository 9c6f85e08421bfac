package nl.waarom.tools.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.InsightKind;

/**
 * Which records a query prints. Immutable; an empty set or a null bound selects everything.
 *
 * @param since only records whose time is at or after this; may be null
 * @param until only records whose time is before this; may be null
 * @param reasons reason ids; never null
 * @param channels channels; never null
 * @param kinds insight kinds (insights only); never null
 * @param windowMinutes trend window length, 1, 15 or 60 (trends only); null for every length
 */
public record QueryFilter(Instant since, Instant until, Set<String> reasons, Set<Channel> channels,
    Set<InsightKind> kinds, Integer windowMinutes) {
  private static final Set<Integer> WINDOW_MINUTES = Set.of(1, 15, 60);

  public QueryFilter {
    reasons = Set.copyOf(reasons);
    channels = Set.copyOf(channels);
    kinds = Set.copyOf(kinds);
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("--since (" + since + ") must be before --until ("
          + until + ")");
    }
    if (windowMinutes != null && !WINDOW_MINUTES.contains(windowMinutes)) {
      throw new IllegalArgumentException("window minutes must be 1, 15 or 60: " + windowMinutes);
    }
  }

  /** Every record. */
  public static QueryFilter all() {
    return new QueryFilter(null, null, Set.of(), Set.of(), Set.of(), null);
  }

  boolean inTime(Instant time) {
    return (since == null || !time.isBefore(since)) && (until == null || time.isBefore(until));
  }

  /** Whether the reason id is selected; a null id (an emerging reason) only without a choice. */
  boolean reason(String reasonId) {
    return reasons.isEmpty() || (reasonId != null && reasons.contains(reasonId));
  }

  boolean channel(Channel channel) {
    return channels.isEmpty() || channels.contains(channel);
  }

  boolean anyChannel(Collection<Channel> any) {
    return channels.isEmpty() || any.stream().anyMatch(channels::contains);
  }

  boolean kind(InsightKind kind) {
    return kinds.isEmpty() || kinds.contains(kind);
  }

  boolean windowMinutes(int minutes) {
    return windowMinutes == null || windowMinutes == minutes;
  }

  /**
   * A channel by name in any case: {@code chat}, {@code CALL}, {@code email}.
   *
   * @throws IllegalArgumentException naming the channels
   */
  public static Channel channel(String text) {
    return symbol(Channel.class, text);
  }

  /**
   * An insight kind by name in any case, with {@code -} for {@code _}: {@code spike},
   * {@code emerging-reason}, {@code REPEAT_HOTSPOT}.
   *
   * @throws IllegalArgumentException naming the kinds
   */
  public static InsightKind kind(String text) {
    return symbol(InsightKind.class, text);
  }

  private static <E extends Enum<E>> E symbol(Class<E> type, String text) {
    String s = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    E[] symbols = type.getEnumConstants();
    return Arrays.stream(symbols).filter(e -> e.name().equals(s)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(symbols)
            .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .collect(Collectors.joining(", ")) + ": '" + text + "'"));
  }
}

package nl.waarom.sink.backlog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a backlog item. The team moves an item new → triaged → in progress → done;
 * the impact verification then moves it to verified or not effective. An item can be dismissed
 * (with a reason) from any open state and reopened later; a verified item that regresses goes
 * back to in progress. {@link #next()} lists the moves allowed from each status.
 */
public enum Status {
  NEW, TRIAGED, IN_PROGRESS, DONE, VERIFIED, NOT_EFFECTIVE, DISMISSED;

  /** The value stored in {@code backlog_items.status} and used in the API, e.g. {@code in_progress}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Statuses of items the team still has to act on or wait for. */
  public static Set<Status> open() {
    return EnumSet.of(NEW, TRIAGED, IN_PROGRESS, DONE, NOT_EFFECTIVE);
  }

  /** The statuses this one may move to. */
  public Set<Status> next() {
    return switch (this) {
      case NEW -> EnumSet.of(TRIAGED, IN_PROGRESS, DISMISSED);
      case TRIAGED -> EnumSet.of(NEW, IN_PROGRESS, DISMISSED);
      case IN_PROGRESS -> EnumSet.of(TRIAGED, DONE, DISMISSED);
      case DONE -> EnumSet.of(IN_PROGRESS, VERIFIED, NOT_EFFECTIVE);
      case VERIFIED -> EnumSet.of(IN_PROGRESS);
      case NOT_EFFECTIVE -> EnumSet.of(IN_PROGRESS, DISMISSED);
      case DISMISSED -> EnumSet.of(NEW);
    };
  }

  /** Parses an API or database value such as {@code in_progress} (case-insensitive). */
  public static Optional<Status> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(s -> s.value().equals(v)).findFirst();
  }
}

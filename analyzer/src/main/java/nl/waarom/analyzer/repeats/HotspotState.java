package nl.waarom.analyzer.repeats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The retained days of one reason, oldest first, as the detector sees them while judging (the
 * store holds each day under its own key). Immutable.
 *
 * @param days never null, sorted by start, at most one per start
 */
public record HotspotState(List<RepeatDay> days) {
  public HotspotState {
    days = days.stream().sorted(Comparator.comparingLong(RepeatDay::start)).toList();
  }

  static HotspotState empty() {
    return new HotspotState(List.of());
  }

  RepeatDay day(long start) {
    return days.stream().filter(d -> d.start() == start).findFirst()
        .orElse(RepeatDay.empty(start));
  }

  /** This state with one day replaced (or added). */
  HotspotState with(RepeatDay day) {
    List<RepeatDay> next = new ArrayList<>(days.stream().filter(d -> d.start() != day.start())
        .toList());
    next.add(day);
    return new HotspotState(next);
  }

  /** This state without days that start before {@code oldest}. */
  HotspotState from(long oldest) {
    return new HotspotState(days.stream().filter(d -> d.start() >= oldest).toList());
  }

  /**
   * The reason's own earlier rate: the summed counts of the last {@code n} days before
   * {@code start} that were judged at {@code horizon}.
   *
   * @return the summed counts and how many days they cover
   */
  History history(long start, RepeatDay.Horizon horizon, int n) {
    List<RepeatDay.Judged> earlier = days.stream()
        .filter(d -> d.start() < start && d.judged(horizon) != null)
        .map(d -> d.judged(horizon)).toList();
    List<RepeatDay.Judged> last = earlier.subList(Math.max(0, earlier.size() - n), earlier.size());
    return new History(last.size(), last.stream().mapToLong(RepeatDay.Judged::contacts).sum(),
        last.stream().mapToLong(RepeatDay.Judged::repeats).sum());
  }

  /**
   * A reason's earlier days at one horizon, summed.
   *
   * @param days how many days
   * @param contacts their contacts
   * @param repeats their repeats
   */
  record History(int days, long contacts, long repeats) {
    double rate() {
      return contacts == 0 ? Double.NaN : (double) repeats / contacts;
    }
  }
}

package nl.waarom.analyzer.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent windows of one reason, oldest first: the current window and the baseline windows
 * before it. Immutable; stored as JSON in the {@code spike-baseline} store.
 *
 * @param windows never null, sorted by start, at most one per start
 */
public record SpikeState(List<WindowStat> windows) {
  public SpikeState {
    windows = windows.stream().sorted(Comparator.comparingLong(WindowStat::start)).toList();
  }

  static SpikeState empty() {
    return new SpikeState(List.of());
  }

  /** Start of the newest window seen; Long.MIN_VALUE when none. */
  long latestStart() {
    return windows.isEmpty() ? Long.MIN_VALUE : windows.get(windows.size() - 1).start();
  }

  WindowStat window(long start) {
    return windows.stream().filter(w -> w.start() == start).findFirst()
        .orElse(WindowStat.empty(start));
  }

  /** This state with one window replaced (or added). */
  SpikeState with(WindowStat stat) {
    List<WindowStat> next = new ArrayList<>(windows.stream().filter(w -> w.start() != stat.start())
        .toList());
    next.add(stat);
    return new SpikeState(next);
  }

  /** This state without windows that start before {@code oldest}. */
  SpikeState from(long oldest) {
    return new SpikeState(windows.stream().filter(w -> w.start() >= oldest).toList());
  }

  /** Windows that start before {@code oldest}. */
  List<WindowStat> before(long oldest) {
    return windows.stream().filter(w -> w.start() < oldest).toList();
  }

  /**
   * Mean count over the {@code n} windows before {@code start}; missing windows count as 0, but
   * only windows since {@code watchingSince} (when the detector started to see traffic) take part,
   * because before that nobody was counting.
   *
   * @return the mean, or NaN when fewer than {@code minWindows} windows were watched
   */
  double baseline(long start, long size, int n, long watchingSince, int minWindows) {
    long from = Math.max(start - n * size, watchingSince);
    long watched = (start - from) / size;
    if (watched < minWindows) {
      return Double.NaN;
    }
    long total = windows.stream().filter(w -> w.start() >= from && w.start() < start)
        .mapToLong(WindowStat::count).sum();
    return (double) total / watched;
  }
}

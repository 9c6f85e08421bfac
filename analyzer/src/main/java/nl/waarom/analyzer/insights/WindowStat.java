package nl.waarom.analyzer.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the spike detector remembers of one reason in one window. Immutable; {@link #add} returns
 * a new value.
 *
 * @param start window start, epoch millis
 * @param count contacts in the window
 * @param handleMillisTotal sum of the known handle times
 * @param handleCount how many contacts had a known handle time
 * @param channels channel names seen, sorted; never null
 * @param examples the first few contacts of the window; never null
 */
public record WindowStat(long start, long count, long handleMillisTotal, long handleCount,
    List<String> channels, List<Example> examples) {

  /** Examples kept per window. */
  public static final int MAX_EXAMPLES = 5;

  public WindowStat {
    channels = List.copyOf(channels);
    examples = List.copyOf(examples);
  }

  static WindowStat empty(long start) {
    return new WindowStat(start, 0, 0, 0, List.of(), List.of());
  }

  WindowStat add(String channel, Long handleMillis, Example example) {
    TreeSet<String> seen = new TreeSet<>(channels);
    seen.add(channel);
    List<Example> kept = new ArrayList<>(examples);
    if (kept.size() < MAX_EXAMPLES) {
      kept.add(example);
    }
    return new WindowStat(start, count + 1, handleMillisTotal + (handleMillis == null ? 0 : handleMillis),
        handleCount + (handleMillis == null ? 0 : 1), List.copyOf(seen), kept);
  }

  /** Mean handle time in minutes; null when no contact of the window had one. */
  Double avgHandleMinutes() {
    return handleCount == 0 ? null : handleMillisTotal / (double) handleCount / 60_000.0;
  }

  /**
   * An example contact for the board.
   *
   * @param contactId never null
   * @param snippet redacted excerpt; may be null
   */
  public record Example(String contactId, String snippet) { }
}

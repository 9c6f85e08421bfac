package nl.waarom.analyzer.repeats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One reason's contacts on one UTC day and the repeats attributed back to them (counted in the
 * day of the FIRST contact, not of the repeat). Immutable; stored as JSON in the
 * {@code repeat-hotspot-days} store under {@code reasonId|dayStartIso}.
 *
 * @param start day start, epoch millis
 * @param contacts contacts of the reason that occurred this day
 * @param repeats repeats of those contacts, whatever their delay
 * @param earlyRepeats repeats that came at most the early horizon after their first contact
 * @param repeatHandleMillis sum of the known handle times of the repeats
 * @param repeatHandleCount repeats with a known handle time
 * @param channels channels of the repeats and of their first contacts, sorted; never null
 * @param examples the first few repeats; never null
 * @param early counts when the day was judged at the early horizon; null until then
 * @param full counts when the day was judged at the end of the repeat window; null until then
 */
public record RepeatDay(long start, long contacts, long repeats, long earlyRepeats,
    long repeatHandleMillis, long repeatHandleCount, List<String> channels,
    List<Example> examples, Judged early, Judged full) {
  /** Examples kept per day. */
  public static final int MAX_EXAMPLES = 5;

  public RepeatDay {
    channels = List.copyOf(channels);
    examples = List.copyOf(examples);
  }

  static RepeatDay empty(long start) {
    return new RepeatDay(start, 0, 0, 0, 0, 0, List.of(), List.of(), null, null);
  }

  RepeatDay addContact() {
    return new RepeatDay(start, contacts + 1, repeats, earlyRepeats, repeatHandleMillis,
        repeatHandleCount, channels, examples, early, full);
  }

  RepeatDay addRepeat(boolean withinEarly, Long handleMillis, String channel, String firstChannel,
      Example example) {
    TreeSet<String> seen = new TreeSet<>(channels);
    seen.add(channel);
    if (firstChannel != null) {
      seen.add(firstChannel);
    }
    List<Example> kept = new ArrayList<>(examples);
    if (kept.size() < MAX_EXAMPLES) {
      kept.add(example);
    }
    return new RepeatDay(start, contacts, repeats + 1, earlyRepeats + (withinEarly ? 1 : 0),
        repeatHandleMillis + (handleMillis == null ? 0 : handleMillis),
        repeatHandleCount + (handleMillis == null ? 0 : 1), List.copyOf(seen), kept, early, full);
  }

  /** The counts at a horizon now, to be judged and remembered. */
  Judged count(Horizon horizon) {
    return new Judged(contacts, horizon == Horizon.EARLY ? earlyRepeats : repeats);
  }

  /** The counts remembered for a horizon; null when the day was not judged at it yet. */
  Judged judged(Horizon horizon) {
    return horizon == Horizon.EARLY ? early : full;
  }

  RepeatDay judgedAt(Horizon horizon, Judged counts) {
    return new RepeatDay(start, contacts, repeats, earlyRepeats, repeatHandleMillis,
        repeatHandleCount, channels, examples, horizon == Horizon.EARLY ? counts : early,
        horizon == Horizon.FULL ? counts : full);
  }

  /** Mean handle time of the repeats in minutes; null when none had one. */
  Double avgRepeatHandleMinutes() {
    return repeatHandleCount == 0 ? null
        : repeatHandleMillis / (double) repeatHandleCount / 60_000.0;
  }

  /** Which repeats a judgement counts. */
  public enum Horizon {
    /** Repeats within the early horizon (default 24 h): complete a day after the day. */
    EARLY,
    /** Repeats within the whole repeat window: complete a window after the day. */
    FULL
  }

  /**
   * Counts of a day as they were when it was judged, kept so later days are compared with
   * earlier ones measured the same way (the same horizon, the same lateness).
   *
   * @param contacts contacts of the day
   * @param repeats repeats attributed to them within the horizon
   */
  public record Judged(long contacts, long repeats) {
    double rate() {
      return contacts == 0 ? Double.NaN : (double) repeats / contacts;
    }
  }

  /**
   * A repeat contact for the board.
   *
   * @param contactId never null
   * @param snippet redacted excerpt; may be null
   */
  public record Example(String contactId, String snippet) { }
}

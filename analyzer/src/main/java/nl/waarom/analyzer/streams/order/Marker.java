package nl.waarom.analyzer.streams.order;

/**
 * A watermark marker: what one source task of a repartition hop promises about the records it
 * wrote, sent in the record key (with a null value) so that no topic's value schema changes.
 *
 * <p>Keys of markers start with {@link #PREFIX}, which begins with a NUL character: no contact,
 * customer, reason or window key has one. {@link MarkerPartitioner} sends a marker to every
 * partition; {@link EventTimeOrder} consumes it and never forwards it. A <em>tick</em> (key
 * {@link #TICK}) is what {@link EventTimeOrder} forwards to the processors right behind it when
 * its released event time advanced (record timestamp = that time); they drop it, or use it to
 * judge what became due (see {@link #isTick}). Neither ever reaches an output topic.
 *
 * @param source the index of the source task (its partition), 0..sources-1
 * @param sources how many source tasks the hop has
 * @param watermark the source promises no more records at or before this event time (epoch
 *     millis); {@link Long#MIN_VALUE} when it knows none yet
 * @param idle whether the source has had nothing to do for the idle timeout (it is then not
 *     waited for)
 * @param earliest the earliest event time the source has seen; {@link Long#MAX_VALUE} when none
 */
public record Marker(int source, int sources, long watermark, boolean idle, long earliest) {
  /** The first characters of a marker's or a tick's key. */
  public static final String PREFIX = "\u0000wm|";
  static final String TICK = PREFIX + "tick|";

  public Marker {
    if (sources < 1 || source < 0 || source >= sources) {
      throw new IllegalArgumentException("source " + source + " of " + sources);
    }
  }

  /** Whether {@code key} is a marker's or a tick's key (null is not). */
  public static boolean isMarker(String key) {
    return key != null && key.startsWith(PREFIX);
  }

  /** Whether {@code key} is a tick's: its record timestamp is the released event time. */
  public static boolean isTick(String key) {
    return key != null && key.startsWith(TICK);
  }

  /** The earliest event time over all sources, carried by a tick's key. */
  public static long tickEarliest(String tickKey) {
    return Long.parseLong(tickKey.substring(TICK.length()));
  }

  static String tickKey(long earliest) {
    return TICK + earliest;
  }

  /** This marker as a record key. */
  public String key() {
    return PREFIX + source + "|" + sources + "|" + watermark + "|" + (idle ? "idle" : "busy")
        + "|" + earliest;
  }

  /** The marker in {@code key}; the key is a marker's, not a tick's. */
  public static Marker parse(String key) {
    String[] f = key.substring(PREFIX.length()).split("\\|");
    if (f.length != 5) {
      throw new IllegalArgumentException("not a watermark marker: " + key.substring(1));
    }
    return new Marker(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
        "idle".equals(f[3]), Long.parseLong(f[4]));
  }
}

package nl.waarom.ingest.replay;

import java.time.Duration;
import java.util.Locale;

/**
 * What a replay did.
 *
 * @param replayed contacts acknowledged on the channel topics
 * @param deadLettered invalid lines acknowledged on the dead-letter topic
 * @param elapsed wall-clock time of the run; never null
 */
public record Summary(long replayed, long deadLettered, Duration elapsed) {
  /** The one-line summary printed at the end: {@code replayed=N dead_lettered=M elapsed_s=1.234}. */
  public String line() {
    return String.format(Locale.ROOT, "replayed=%d dead_lettered=%d elapsed_s=%.3f", replayed,
        deadLettered, elapsed.toNanos() / 1e9);
  }

  @Override
  public String toString() {
    return line();
  }
}

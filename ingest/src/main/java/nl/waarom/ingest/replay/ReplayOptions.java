package nl.waarom.ingest.replay;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link ReplayMain#run} replays, validated. Immutable.
 *
 * @param file the JSONL file of contacts; never null
 * @param rate lines per second, finite and &ge; 0; 0 for as fast as possible
 */
public record ReplayOptions(Path file, double rate) {
  public ReplayOptions {
    Objects.requireNonNull(file, "file");
    if (!Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException("rate must be a number >= 0: " + rate);
    }
  }
}

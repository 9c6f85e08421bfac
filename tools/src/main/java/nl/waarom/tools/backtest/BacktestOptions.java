package nl.waarom.tools.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code waarom backtest} is asked.
 *
 * @param taxonomy the new taxonomy file; never null
 * @param since the first moment (occurredAt) of the contacts read from Kafka; null for all the
 *     topics hold (the retention window)
 * @param contacts a JSONL file of contacts in the gateway's format to use instead of Kafka; null
 *     reads Kafka
 * @param examples example contacts shown per kind of flip, 0 or more
 * @param threads classifying threads, at least 1
 * @param corrections a JSONL file of editors' corrections both taxonomies learn
 *     ({@link CorrectionsFile}); null for those of the corrections topic when reading Kafka, none
 *     with {@code contacts}
 * @param noCorrections whether to compare the taxonomies alone, without any correction; not
 *     together with {@code corrections}
 */
public record BacktestOptions(Path taxonomy, Instant since, Path contacts, int examples,
    int threads, Path corrections, boolean noCorrections) {
  public BacktestOptions {
    Objects.requireNonNull(taxonomy, "taxonomy");
    if (examples < 0 || threads < 1) {
      throw new IllegalArgumentException("examples must be 0 or more and threads at least 1");
    }
    if (corrections != null && noCorrections) {
      throw new IllegalArgumentException("--corrections and --no-corrections exclude each other");
    }
  }

  /** With the corrections of the topic (reading Kafka), or none (reading a file). */
  public BacktestOptions(Path taxonomy, Instant since, Path contacts, int examples, int threads) {
    this(taxonomy, since, contacts, examples, threads, null, false);
  }
}

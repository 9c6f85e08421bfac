package nl.waarom.tools.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What one rate step of the pipeline benchmark measured.
 *
 * @param rate requests a second that were scheduled
 * @param seconds length of the measured window (from sending its first request to its last)
 * @param sent measured requests
 * @param accepted of those, answered 202 by the gateway
 * @param failed of those, answered otherwise or not at all
 * @param unseen of those, never seen on the classified topic before the step ended
 * @param acceptedPerSecond accepted measured requests per second of the window
 * @param classifiedPerSecond classified records the consumer saw per second of the window
 * @param p50 latency from the due time to the classified record being visible
 * @param p95 likewise
 * @param p99 likewise
 * @param acceptP99 latency from the due time to the gateway's 202 (accepted requests only)
 */
record StepResult(int rate, double seconds, int sent, int accepted, int failed, int unseen,
    double acceptedPerSecond, double classifiedPerSecond, Latency p50, Latency p95, Latency p99,
    Latency acceptP99) {
  /** p99 must stay below this for a step to count as sustained. */
  static final double SUSTAINED_P99_MILLIS = 1_000;

  /**
   * A latency percentile in milliseconds; {@code atLeast} when it falls among requests never seen
   * classified, so only a lower bound is known.
   */
  record Latency(double millis, boolean atLeast) {
    /**
     * Nearest-rank percentile {@code p} of {@code total} latencies of which the {@code seen}
     * first of {@code sortedNanos} were measured and the rest are unknown but at least
     * {@code unseenFloorNanos}.
     */
    static Latency of(long[] sortedNanos, int seen, int total, long unseenFloorNanos, double p) {
      if (total == 0) {
        return new Latency(Double.NaN, false);
      }
      int rank = (int) Math.max(0, Math.ceil(p * total) - 1);
      return rank < seen ? new Latency(sortedNanos[rank] / 1e6, false)
          : new Latency(unseenFloorNanos / 1e6, true);
    }

    boolean below(double millis) {
      return !atLeast && this.millis < millis;
    }

    @Override
    public String toString() {
      return Double.isNaN(millis) ? "-"
          : (atLeast ? ">" : "") + String.format(Locale.ROOT, "%.0f", millis);
    }
  }

  /**
   * Sustained: every request accepted, every accepted one classified before the step ended, and
   * p99 under one second.
   */
  boolean sustained() {
    return failed == 0 && unseen == 0 && p99.below(SUSTAINED_P99_MILLIS);
  }

  /** The highest rate among the sustained steps, if any. */
  static OptionalInt maxSustained(List<StepResult> steps) {
    return steps.stream().filter(StepResult::sustained).mapToInt(StepResult::rate).max();
  }

  /** The p99 of the first step at {@code rate}, as printed, or "-" when there was none. */
  static String p99At(List<StepResult> steps, int rate) {
    return steps.stream().filter(s -> s.rate() == rate).findFirst()
        .map(s -> s.p99().toString()).orElse("-");
  }

  /** {@code result: max_sustained_per_s=… p99_ms_at_500=… p99_ms_at_1000=…}. */
  static String line(List<StepResult> steps) {
    return "result: max_sustained_per_s=" + maxSustained(steps).orElse(0) + " p99_ms_at_500="
        + p99At(steps, 500) + " p99_ms_at_1000=" + p99At(steps, 1000);
  }

  static String header() {
    return String.format(Locale.ROOT, "%7s %7s %7s %11s %12s %8s %8s %8s %7s %10s  %s", "rate/s",
        "sent", "failed", "accepted/s", "classified/s", "p50_ms", "p95_ms", "p99_ms", "unseen",
        "accept_p99", "sustained");
  }

  String row() {
    return String.format(Locale.ROOT, "%7d %7d %7d %11.0f %12.0f %8s %8s %8s %7d %10s  %s", rate,
        sent, failed, acceptedPerSecond, classifiedPerSecond, p50, p95, p99, unseen, acceptP99,
        sustained() ? "yes" : "no");
  }
}

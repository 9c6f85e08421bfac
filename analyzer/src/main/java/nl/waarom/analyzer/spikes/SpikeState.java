package nl.waarom.analyzer.spikes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the SPIKE detector remembers of one reason (all channels): hourly counts for the
 * weekly profile, one-minute counts for the recent level, the CUSUM statistic and the open run
 * ({@link SpikeEpisode}). The formula is in the package documentation; in short, the expected
 * count of minute j is
 * <pre>
 *   mu(j) = max(FLOOR, season(j) × level(j))        when a week of history exists at j's hour
 *   mu(j) = max(FLOOR, trailing mean of the baselineWindows minutes before j)   otherwise
 * </pre>
 * and the statistic is the Poisson CUSUM {@code S = max(0, S + x ln k - (k - 1) mu)} with k the
 * shift, evaluated continuously inside the current minute (the elapsed fraction of mu).
 *
 * <p>Retention: hourly counts for {@code seasonWeeks} weeks (plus the current and adjacent hour),
 * minute counts for {@code 2 × max(levelWindows, baselineWindows) + 1} minutes. Mutable, not
 * thread-safe: one instance per reason, used by the stream thread that owns its task; stored as
 * JSON in the {@code spike-baseline} store.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class SpikeState {
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long HOURS_PER_WEEK = 168;
  /** Lowest expected count per minute: one contact in ~50 minutes, so a silent hour is not 0. */
  static final double FLOOR = 0.02;
  /** Pseudo-contacts that damp the level towards 1 when the recent counts are small. */
  static final double LEVEL_DAMPING = 10;
  /** The level stays within [1/MAX_LEVEL, MAX_LEVEL]. */
  static final double MAX_LEVEL = 3;
  /**
   * The expected count is an upper confidence bound with this z (Poisson error of the seasonal
   * counts and of the level, or of the trailing mean), so a baseline that happens to be low on
   * thin data (a quiet quarter of an hour, a night hour seen once) does not make a surge.
   */
  static final double UNCERTAINTY_Z = 2;
  /**
   * Upper confidence bound of a Poisson mean from an observed count x (Wilson-type score bound,
   * z = {@link #UNCERTAINTY_Z}): {@code x + z²/2 + z sqrt(x + z²/4)}; 4 for x = 0.
   */
  static double upper(long x) {
    double z = UNCERTAINTY_Z;
    return x + z * z / 2 + z * Math.sqrt(x + z * z / 4);
  }

  /** Weight of week w (1 = last week) is WEEK_DECAY^(w-1). */
  static final double WEEK_DECAY = 0.8;
  /** Weight of the hour before and after the same hour, relative to that hour. */
  static final double ADJACENT_HOUR = 0.05;

  private TreeMap<Long, Long> hours = new TreeMap<>();
  private TreeMap<Long, Long> minutes = new TreeMap<>();
  private long current = Long.MIN_VALUE;
  private long currentLatest = Long.MIN_VALUE;
  private long latest = Long.MIN_VALUE;
  private double currentMu = Double.NaN;
  private double cusum;
  private SpikeEpisode run;
  /** Per-value statistics (see {@link SpikeCells}); absent in state stored before them. */
  private SpikeCells cells = new SpikeCells();
  /**
   * A spike fired and the statistics that carried it have not all returned to 0 since: the
   * same surge, however many runs and cells it spans, is one insight.
   */
  private boolean episodeOpen;

  /** Whether a contact at {@code atMillis} is too old to be counted (beyond the late horizon). */
  public boolean tooLate(long atMillis, SpikeOptions options) {
    return latest != Long.MIN_VALUE
        && atMillis < latest - options.lateHorizon().toMillis();
  }

  /**
   * Counts one contact (which must not be {@link #tooLate}) and judges the current minute.
   *
   * @param watchingSince event time from which the detector has seen all traffic of this task
   * @param background the reason's background, receives contacts that are not part of a run
   * @return the spike when this contact made the open run cross the threshold for the first
   *     time; null otherwise
   */
  public Spike observe(Observation o, long watchingSince, SpikeOptions options,
      SignalCounts background) {
    long m = Math.floorDiv(o.atMillis(), MINUTE);
    Judge judge = new Judge(watchingSince, options);
    SpikeCells.Shares shares = new SpikeCells.Shares(background, options.shift(),
        o.atMillis());
    if (cells == null) {
      cells = new SpikeCells();
    }
    if (current == Long.MIN_VALUE) {
      open(m, judge);
    } else if (m > current) {
      advance(m, judge, background, shares);
    }
    latest = Math.max(latest, o.atMillis());
    hours.merge(Math.floorDiv(o.atMillis(), HOUR), 1L, Long::sum);
    if (m >= current - minuteRetention(options)) {
      minutes.merge(m, 1L, Long::sum);
    }
    if (m == current) {
      currentLatest = Math.max(currentLatest, o.atMillis());
      run.add(o);
      cells.add(o.keys(), m);
    } else if (run != null && m >= run.startMinute()) {
      run.add(o);
      cusum += Math.log(options.shift()); // one more contact in a closed minute of the run
      cells.addLate(o.keys(), m, shares);
    } else {
      background.add(o.keys(), o.atMillis());
      cells.addLate(o.keys(), m, shares);
    }
    prune(options);
    return decide(judge, shares);
  }

  private void open(long minute, Judge judge) {
    current = minute;
    currentLatest = minute * MINUTE;
    if (run == null) {
      run = new SpikeEpisode(minute);
    }
    currentMu = judge.expected(minute);
  }

  /** Closes the minutes from the current one up to {@code m} (exclusive) and opens {@code m}. */
  private void advance(long m, Judge judge, SignalCounts background, SpikeCells.Shares shares) {
    double lnK = Math.log(judge.options.shift());
    for (long j = current; j < m; j++) {
      if (run == null && !cells.active()) {
        break; // every S is 0 and the remaining minutes are empty: they stay 0
      }
      double mu = j == current ? currentMu : judge.expected(j);
      cells.close(j, mu, count(j), shares);
      if (run == null) {
        continue;
      }
      if (Double.isNaN(mu)) {
        cusum = 0;
      } else {
        cusum = Math.max(0, cusum + count(j) * lnK - (judge.options.shift() - 1) * mu);
        run.addExpected(mu);
      }
      if (cusum == 0) {
        if (!run.fired()) {
          background.addAll(run.signals(), run.startMinute() * MINUTE);
        }
        run = null;
      }
    }
    if (run == null && !cells.active()) {
      episodeOpen = false;
    }
    open(m, judge);
  }

  private Spike decide(Judge judge, SpikeCells.Shares shares) {
    SpikeOptions options = judge.options;
    if (run.fired() || episodeOpen || Double.isNaN(currentMu)
        || current - judge.watchMinute < options.minHistoryWindows()) {
      return null;
    }
    double elapsed = Math.min(1.0, Math.max(0.0,
        (currentLatest - current * MINUTE) / (double) MINUTE));
    double s = cusum + count(current) * Math.log(options.shift())
        - (options.shift() - 1) * currentMu * elapsed;
    double expected = run.expectedClosed() + currentMu * elapsed;
    if (s >= options.threshold() && run.count() - expected >= options.minCount()) {
      run.fire();
      episodeOpen = true;
      return new Spike(run, current, s, expected, null);
    }
    SpikeCells.Firing cell = cells.decide(currentMu, elapsed, count(current),
        options.threshold() + Math.log(SpikeCells.CAPACITY), shares);
    if (cell == null) {
      return null;
    }
    run.fire();
    episodeOpen = true;
    return new Spike(run, current, cell.score(), expected, cell.key());
  }

  private void prune(SpikeOptions options) {
    hours.headMap(Math.floorDiv(current * MINUTE, HOUR)
        - options.seasonWeeks() * HOURS_PER_WEEK - 1).clear();
    minutes.headMap(current - minuteRetention(options)).clear();
  }

  private static long minuteRetention(SpikeOptions options) {
    return 2L * Math.max(options.levelWindows(), options.baselineWindows()) + 1;
  }

  private long count(long minute) {
    return minutes.getOrDefault(minute, 0L);
  }

  private long hourCount(long hour) {
    return hours.getOrDefault(hour, 0L);
  }

  /** The statistic after the last closed minute (for tests and metrics). */
  double cusum() {
    return cusum;
  }

  /** Expected count of the current minute; NaN while it cannot be judged. */
  double currentExpected() {
    return currentMu;
  }

  /** Count of one hour (epoch hours), for tests. */
  long hour(long epochHour) {
    return hourCount(epochHour);
  }

  /** Count of one minute (epoch minutes), for tests. */
  long minute(long epochMinute) {
    return count(epochMinute);
  }

  /** The per-value statistics, for tests. */
  SpikeCells cells() {
    return cells;
  }

  /** The open run; null between runs. */
  SpikeEpisode run() {
    return run;
  }

  /** Computes expected counts for one call, caching the seasonal rate per hour. */
  private final class Judge {
    final long watchingSince;
    final long watchMinute;
    final long watchHour;
    final SpikeOptions options;
    final Map<Long, Double> seasonByHour = new HashMap<>();

    Judge(long watchingSince, SpikeOptions options) {
      this.watchingSince = watchingSince;
      this.watchMinute = Math.floorDiv(watchingSince, MINUTE);
      this.watchHour = Math.floorDiv(watchingSince + HOUR - 1, HOUR);
      this.options = options;
    }

    /** mu(j): the expected count of minute j; NaN when it cannot be judged yet. */
    double expected(long j) {
      double season = season(j);
      if (!Double.isNaN(season)) {
        long anchor = anchor(j, options.levelWindows());
        double actual = 0;
        double expected = 0;
        for (long i = Math.max(anchor - options.levelWindows(), watchMinute); i < anchor; i++) {
          double s = season(i);
          if (!Double.isNaN(s)) {
            actual += count(i);
            expected += s;
          }
        }
        double level = (actual + LEVEL_DAMPING) / (expected + LEVEL_DAMPING);
        level = Math.min(MAX_LEVEL, Math.max(1 / MAX_LEVEL, level));
        long hour = Math.floorDiv(j, 60L);
        double seasonUpper = season + (upper(sameHourCount(hour)) - sameHourCount(hour))
            / (60.0 * watchedWeeks(hour));
        double levelUpper = level * (1 + UNCERTAINTY_Z / Math.sqrt(actual + LEVEL_DAMPING));
        return Math.max(FLOOR, seasonUpper * levelUpper);
      }
      long anchor = anchor(j, Math.max(3, options.baselineWindows() / 3));
      long from = Math.max(anchor - options.baselineWindows(), watchMinute);
      if (anchor - from < options.minHistoryWindows()) {
        return Double.NaN;
      }
      long total = 0;
      for (long i = from; i < anchor; i++) {
        total += count(i);
      }
      return Math.max(FLOOR, upper(total) / (anchor - from));
    }

    /** Weeks in which this hour of the week was watched. */
    private int watchedWeeks(long hour) {
      int weeks = 0;
      for (int w = 1; w <= options.seasonWeeks(); w++) {
        if (hour - w * HOURS_PER_WEEK >= watchHour) {
          weeks++;
        }
      }
      return weeks;
    }

    /** Contacts behind the seasonal estimate of an hour: its count in every watched week. */
    private long sameHourCount(long hour) {
      long n = 0;
      for (int w = 1; w <= options.seasonWeeks(); w++) {
        long same = hour - w * HOURS_PER_WEEK;
        if (same >= watchHour) {
          n += hourCount(same);
        }
      }
      return n;
    }

    /**
     * The end of the recent period for minute j: the start of the open run while the run is at
     * most {@code window} minutes old (a surge must not raise its own baseline), otherwise j.
     * The trailing mean freezes for at most a third of its window: without a profile, a long run
     * is more likely the day ramping up than a surge, and a surge is caught in minutes.
     */
    private long anchor(long j, int window) {
      return run != null && run.startMinute() < j && j - run.startMinute() <= window
          ? run.startMinute() : j;
    }

    /**
     * Seasonal rate per minute for minute j: the larger of its hour's profile and the linear
     * interpolation between the profiles of the neighbouring hour centres. Flat hours are exact
     * for rates that step at the hour, interpolation for ramps; the larger of the two never
     * underestimates either shape (an underestimate is what makes false spikes). NaN without a
     * watched week at j's hour.
     */
    double season(long j) {
      long hour = Math.floorDiv(j, 60L);
      double flat = hourly(hour);
      if (Double.isNaN(flat)) {
        return flat;
      }
      double u = Math.floorMod(j, 60L) + 0.5;
      double other = hourly(u < 30 ? hour - 1 : hour + 1);
      if (Double.isNaN(other)) {
        return flat;
      }
      double interpolated = flat + (other - flat) * Math.abs(u - 30) / 60.0;
      return Math.max(flat, interpolated);
    }

    private double hourly(long hour) {
      return seasonByHour.computeIfAbsent(hour, this::seasonOfHour);
    }

    private double seasonOfHour(long hour) {
      double sum = 0;
      double weight = 0;
      boolean sameHourSeen = false;
      double weekWeight = 1;
      for (int w = 1; w <= options.seasonWeeks(); w++, weekWeight *= WEEK_DECAY) {
        long same = hour - w * HOURS_PER_WEEK;
        for (long h = same - 1; h <= same + 1; h++) {
          if (h < watchHour) {
            continue;
          }
          double wt = weekWeight * (h == same ? 1.0 : ADJACENT_HOUR);
          sum += wt * hourCount(h);
          weight += wt;
          sameHourSeen |= h == same;
        }
      }
      return sameHourSeen ? sum / weight / 60.0 : Double.NaN;
    }
  }

  /**
   * A run that crossed the threshold.
   *
   * @param episode the run's contacts; never null
   * @param currentMinute the minute (epoch minutes) in which it crossed
   * @param score the CUSUM statistic at that moment
   * @param expected expected contacts over the run's minutes up to that moment
   * @param cell the signal key of the cell ({@link SpikeCells}) whose statistic crossed; null
   *     when the reason's own statistic did
   */
  public record Spike(SpikeEpisode episode, long currentMinute, double score, double expected,
      String cell) { }
}

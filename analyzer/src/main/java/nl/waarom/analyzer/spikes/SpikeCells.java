package nl.waarom.analyzer.spikes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The per-signal CUSUMs of one reason: one cell per metadata value of its contacts (attribute
 * value, IVR path, queue, channel), so a surge that concentrates in one value (a campaign, a menu
 * path) is found from a handful of contacts, long before the whole reason's volume is decisive.
 *
 * <p>Cell c expects {@code mu_c(j) = q_c mu(j)} contacts in minute j, with mu(j) the reason's
 * expected count (seasonal, already an upper bound) and {@code q_c = U(b_c) / (B + 1)} the upper
 * confidence bound of the value's share of the reason's background (b_c its decayed count, B the
 * background's decayed total, U the Poisson bound of {@link SpikeState#upper}); a value never seen
 * has q = U(0) / (B + 1), a prior of four pseudo-contacts. The test is tuned to the surge the
 * reason's test looks for ({@code shift} × its rate) with {@link #CONCENTRATION} of the extra
 * contacts in the cell: rate ratio {@code r_c = 1 + CONCENTRATION (shift - 1) / q_c}, statistic
 * {@code S_c = max(0, S_c + x ln r_c - (r_c - 1) mu_c)} per minute, continuous inside the current
 * minute like the reason's. The drift {@code (r_c - 1) mu_c = CONCENTRATION (shift - 1) mu(j)}
 * does not depend on the cell, so every cell forgets at the same pace.
 *
 * <p>Budget: a cell fires at {@code threshold + ln CAPACITY} (Bonferroni over the table: the sum
 * of the cells' false-alarm bounds e^-h stays within the reason's own), with at least
 * {@link #MIN_COUNT} contacts in its run (the statistic judges them against the expected count;
 * this keeps a pair of contacts from ever being a spike), and only while the whole reason is above
 * its upper-bound expected count over the cell's run: a shift in the mix without more volume is
 * not a spike. A cell fires once per run of its statistic (it re-arms at 0).
 *
 * <p>Size: at most {@link #CAPACITY} cells per reason. A value that finds the table full takes the
 * place of a cell whose statistic is 0 (it holds no evidence), the least recently seen first;
 * when every cell holds evidence, the one with the least gives way and the newcomer starts at 0
 * (Space-Saving by evidence: what is dropped can only delay an alarm, never raise one). Terms are
 * not cells: a contact has up to 64 and most are rare, so they would churn the table and multiply
 * the tests; they still explain the spike. Mutable, not thread-safe; part of {@link SpikeState}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class SpikeCells {
  /** Cells per reason. */
  static final int CAPACITY = 32;
  /** Least contacts in a firing cell's run (as many as a signal needs to explain a spike). */
  static final int MIN_COUNT = 3;
  /** Share of a surge's extra contacts the cell test assumes one value carries. */
  static final double CONCENTRATION = 0.5;
  private static final Set<String> KINDS = Set.of("ATTRIBUTE", "IVR_PATH", "QUEUE", "CHANNEL");

  private Map<String, Cell> cells = new HashMap<>();

  /** The keys of a contact that have cells: its metadata, not its terms. */
  static boolean isCell(String key) {
    int tab = key.indexOf('\t');
    return tab > 0 && KINDS.contains(key.substring(0, tab));
  }

  /** Counts a contact of the current minute {@code minute} in its cells. */
  void add(Iterable<String> keys, long minute) {
    for (String key : keys) {
      if (isCell(key)) {
        cell(key, minute).now++;
      }
    }
  }

  /**
   * Counts a late contact whose minute {@code minute} is already closed: a cell whose run covers
   * that minute gains its ln r_c, as the reason's statistic does.
   */
  void addLate(Iterable<String> keys, long minute, Shares shares) {
    for (String key : keys) {
      Cell c = isCell(key) ? cells.get(key) : null;
      if (c != null && c.s > 0 && minute >= c.start) {
        c.s += Math.log(shares.ratio(key));
        c.count++;
      }
    }
  }

  /**
   * Closes minute j with expected reason count mu: every cell's statistic moves on. NaN (minute
   * not judged) resets every cell, as it resets the reason's statistic.
   */
  void close(long j, double mu, long reasonCount, Shares shares) {
    if (Double.isNaN(mu)) {
      cells.values().forEach(c -> {
        c.reasonExcess = 0;
        c.s = 0;
        c.now = 0;
        c.fired = false;
      });
      return;
    }
    for (Iterator<Map.Entry<String, Cell>> it = cells.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Cell> e = it.next();
      Cell c = e.getValue();
      if (c.s == 0 && c.now == 0) {
        continue;
      }
      double r = shares.ratio(e.getKey());
      if (c.s == 0) {
        c.start = j;
        c.count = 0;
        c.reasonExcess = 0;
      }
      c.s = Math.max(0, c.s + c.now * Math.log(r) - shares.drift() * mu);
      c.count += c.now;
      c.reasonExcess += reasonCount - mu;
      c.now = 0;
      if (c.s == 0) {
        c.fired = false;
      }
    }
  }

  /** Whether any cell holds evidence (its statistic or a count of the current minute). */
  boolean active() {
    for (Cell c : cells.values()) {
      if (c.s > 0 || c.now > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The cell that crosses its threshold in the current minute, a fraction {@code elapsed} of
   * which has passed with expected reason count mu and {@code reasonCount} contacts so far; marks
   * it fired. Null when none.
   */
  Firing decide(double mu, double elapsed, long reasonCount, double threshold, Shares shares) {
    Firing best = null;
    for (Map.Entry<String, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      if (c.fired || c.now == 0) {
        continue; // the statistic only crosses when a contact arrives
      }
      double r = shares.ratio(e.getKey());
      double s = c.s + c.now * Math.log(r) - shares.drift() * mu * elapsed;
      long count = (c.s > 0 ? c.count : 0) + c.now;
      double reasonExcess = (c.s > 0 ? c.reasonExcess : 0) + reasonCount - mu * elapsed;
      if (s >= threshold && count >= MIN_COUNT && reasonExcess > 0
          && (best == null || s > best.score
              || (s == best.score && e.getKey().compareTo(best.key) < 0))) { // ties: by key
        best = new Firing(e.getKey(), s);
      }
    }
    if (best != null) {
      cells.get(best.key).fired = true;
    }
    return best;
  }

  private Cell cell(String key, long minute) {
    Cell c = cells.get(key);
    if (c == null) {
      if (cells.size() >= CAPACITY) {
        evict();
      }
      c = new Cell();
      cells.put(key, c);
    }
    c.seen = minute;
    return c;
  }

  /** Drops the cell with the least evidence: S = 0 and seen longest ago first. */
  private void evict() {
    String victim = null;
    Cell least = null;
    for (Map.Entry<String, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      if (c.now > 0 && c.s == 0) {
        continue; // counted in the current minute: its evidence is not in s yet
      }
      if (least == null || c.s < least.s || (c.s == least.s && c.seen < least.seen)) {
        victim = e.getKey();
        least = c;
      }
    }
    if (victim == null) {
      victim = cells.keySet().iterator().next();
    }
    cells.remove(victim);
  }

  /** Number of cells, for tests. */
  int size() {
    return cells.size();
  }

  /** The statistic of a cell after the last closed minute; 0 when it has no cell. */
  double cusum(String key) {
    Cell c = cells.get(key);
    return c == null ? 0 : c.s;
  }

  /** A cell that crossed: its signal key and statistic. */
  record Firing(String key, double score) {}

  /**
   * The background shares behind the cells' expected counts, for one call (the background's
   * smallest kept count is looked up once).
   */
  static final class Shares {
    private final SignalCounts background;
    private final double drift;
    private final Map<String, Double> ratios = new HashMap<>();
    private double unseen = Double.NaN;

    private final double scale;

    /** Shares of {@code background} as decayed to event time {@code atMillis}. */
    Shares(SignalCounts background, double shift, long atMillis) {
      this.background = background;
      this.drift = CONCENTRATION * (shift - 1);
      this.scale = background.weightAt(atMillis);
    }

    /** The drift per minute in units of the reason's expected count. */
    double drift() {
      return drift;
    }

    /** r_c = 1 + CONCENTRATION (shift - 1) / q_c. */
    double ratio(String key) {
      return ratios.computeIfAbsent(key, k -> {
        Double kept = background.counts().get(k);
        if (kept == null && Double.isNaN(unseen)) {
          unseen = background.unseenBound();
        }
        double b = (kept != null ? kept : unseen) / scale;
        double q = Math.min(1.0, upper(b) / (background.total() / scale + 1));
        return 1 + drift / q;
      });
    }

    private static double upper(double x) {
      double z = SpikeState.UNCERTAINTY_Z;
      return x + z * z / 2 + z * Math.sqrt(x + z * z / 4);
    }
  }

  /** One value's statistic and run. */
  @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
      isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
  static final class Cell {
    double s;
    long start;
    long count;
    /** The reason's contacts minus its expected count over the cell's run. */
    double reasonExcess;
    long now;
    long seen;
    boolean fired;
  }
}

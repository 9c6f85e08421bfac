package nl.waarom.analyzer.backtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of one slice of a backtest: primary reasons before and after, and the flips with their
 * first examples. A worker fills one per batch; the batches are merged in input order, so the
 * examples are the first flips of the input whatever the threads did. Not thread-safe.
 */
final class Tally {
  /** Stands for "no reason" in counts and flips. */
  static final String UNEXPLAINED = "unexplained";

  private final int examples;
  long contacts;
  long skipped;
  long explainedBefore;
  long explainedAfter;
  final Map<String, Long> before = new HashMap<>();
  final Map<String, Long> after = new HashMap<>();
  /** Per "from\u0000to": the count and the first examples. */
  final Map<String, Group> flips = new LinkedHashMap<>();

  static final class Group {
    final String from;
    final String to;
    long count;
    final List<Flip> examples = new ArrayList<>();

    Group(String from, String to) {
      this.from = from;
      this.to = to;
    }
  }

  Tally(int examples) {
    this.examples = examples;
  }

  void add(String contactId, String from, String to, String snippet) {
    contacts++;
    before.merge(from, 1L, Long::sum);
    after.merge(to, 1L, Long::sum);
    if (!from.equals(UNEXPLAINED)) {
      explainedBefore++;
    }
    if (!to.equals(UNEXPLAINED)) {
      explainedAfter++;
    }
    if (!from.equals(to)) {
      Group group = flips.computeIfAbsent(from + '\u0000' + to, k -> new Group(from, to));
      group.count++;
      if (group.examples.size() < examples) {
        group.examples.add(new Flip(contactId, from, to, snippet));
      }
    }
  }

  /** Adds {@code later} (a slice that comes after this one in input order). */
  void merge(Tally later) {
    contacts += later.contacts;
    skipped += later.skipped;
    explainedBefore += later.explainedBefore;
    explainedAfter += later.explainedAfter;
    later.before.forEach((k, v) -> before.merge(k, v, Long::sum));
    later.after.forEach((k, v) -> after.merge(k, v, Long::sum));
    later.flips.forEach((key, g) -> {
      Group mine = flips.computeIfAbsent(key, k -> new Group(g.from, g.to));
      mine.count += g.count;
      for (Flip f : g.examples) {
        if (mine.examples.size() < examples) {
          mine.examples.add(f);
        }
      }
    });
  }

  long flipped() {
    return flips.values().stream().mapToLong(g -> g.count).sum();
  }
}

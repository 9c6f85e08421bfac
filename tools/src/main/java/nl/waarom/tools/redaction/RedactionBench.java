package nl.waarom.tools.redaction;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import nl.waarom.ingest.privacy.PiiSpan;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Redactor;

/**
 * {@code waarom bench redaction}: recall and precision of the {@link Redactor} per kind of
 * personal data, on a seeded set of generated customer messages ({@link MessageGenerator}).
 *
 * <p>Span level: a planted value counts as found when one redacted span of the right type covers
 * all of it; a redacted span counts as correct when it overlaps a planted value of its own type
 * (an address redaction over a planted postcode-with-street counts too), and as a false redaction
 * otherwise (over a near-miss, filler text, or a value of another type).
 * Near-misses (amounts, dates, order numbers, invalid checksums, ...) are also reported per kind.
 * Last line: {@code result: recall_min=<x.xxx> precision_min=<x.xxx>}, the lowest over all types.
 */
public final class RedactionBench {
  /**
   * What the benchmark generates, validated. Immutable.
   *
   * @param messages how many messages, &ge; 1
   * @param seed     seed of the generator (same seed, same messages)
   */
  public record Options(int messages, long seed) {
    public Options {
      if (messages < 1) {
        throw new IllegalArgumentException("messages must be at least 1: " + messages);
      }
    }

    /** 5,000 messages, seed 42. */
    public static Options defaults() {
      return new Options(5_000, 42);
    }
  }

  private RedactionBench() {}

  /** Runs the benchmark and returns the exit code (0). */
  public static int run(Options options, PrintStream out) {
    int messages = options.messages();
    long seed = options.seed();
    Result result = measure(new MessageGenerator(seed).generate(messages), new Redactor()::find);
    print(result, messages, seed, out);
    return 0;
  }

  /** Counts per type and per near-miss kind. */
  record Result(Map<PiiType, int[]> byType, Map<String, int[]> nearMisses, long nanos) {
    static final int PLANTED = 0;
    static final int FOUND = 1;
    static final int SPANS = 2;
    static final int CORRECT = 3;

    double recall(PiiType t) {
      int[] c = byType.get(t);
      return c[PLANTED] == 0 ? 1.0 : (double) c[FOUND] / c[PLANTED];
    }

    double precision(PiiType t) {
      int[] c = byType.get(t);
      return c[SPANS] == 0 ? 1.0 : (double) c[CORRECT] / c[SPANS];
    }
  }

  /** @param finder the redactor under test: text and customer names to spans */
  static Result measure(List<GeneratedMessage> messages,
      BiFunction<String, Collection<String>, List<PiiSpan>> finder) {
    Map<PiiType, int[]> byType = new EnumMap<>(PiiType.class);
    for (PiiType t : PiiType.values()) {
      byType.put(t, new int[4]);
    }
    Map<String, int[]> nearMisses = new TreeMap<>();
    long start = System.nanoTime();
    for (GeneratedMessage m : messages) {
      List<PiiSpan> spans = finder.apply(m.text(), List.of(m.customerName()));
      for (Planted p : m.planted()) {
        if (p.isPii()) {
          int[] c = byType.get(p.type());
          c[Result.PLANTED]++;
          if (spans.stream().anyMatch(s -> s.type() == p.type() && s.covers(p.start(), p.end()))) {
            c[Result.FOUND]++;
          }
        } else {
          int[] c = nearMisses.computeIfAbsent(p.kind(), k -> new int[2]);
          c[0]++;
          if (spans.stream().anyMatch(s -> s.overlaps(p.start(), p.end()))) {
            c[1]++;
          }
        }
      }
      for (PiiSpan s : spans) {
        int[] c = byType.get(s.type());
        c[Result.SPANS]++;
        if (m.planted().stream().anyMatch(p -> sameKind(p.type(), s.type())
            && s.overlaps(p.start(), p.end()))) {
          c[Result.CORRECT]++;
        }
      }
    }
    return new Result(byType, nearMisses, System.nanoTime() - start);
  }

  /**
   * Whether a redaction of type {@code redacted} is right for a planted value of type
   * {@code planted}: the same type, or the street and number of a planted address redacted as an
   * address where its postcode was not recognised.
   */
  private static boolean sameKind(PiiType planted, PiiType redacted) {
    return planted == redacted || (planted == PiiType.POSTCODE && redacted == PiiType.ADDRESS);
  }

  private static void print(Result r, int messages, long seed, PrintStream out) {
    out.printf(Locale.ROOT, "messages: %d generated (seed %d), redacted in %.2f s%n", messages,
        seed, r.nanos() / 1e9);
    out.println("type       planted  found  recall  redactions  false  precision");
    double recallMin = 1;
    double precisionMin = 1;
    for (PiiType t : PiiType.values()) {
      int[] c = r.byType().get(t);
      out.printf(Locale.ROOT, "%-9s %8d %6d %7.3f %11d %6d %10.3f%n", t.name(),
          c[Result.PLANTED], c[Result.FOUND], r.recall(t), c[Result.SPANS],
          c[Result.SPANS] - c[Result.CORRECT], r.precision(t));
      recallMin = Math.min(recallMin, r.recall(t));
      precisionMin = Math.min(precisionMin, r.precision(t));
    }
    out.println("near-miss        planted  redacted (must stay 0)");
    r.nearMisses().forEach((kind, c) ->
        out.printf(Locale.ROOT, "%-16s %7d %9d%n", kind, c[0], c[1]));
    out.printf(Locale.ROOT, "result: recall_min=%.3f precision_min=%.3f%n", recallMin,
        precisionMin);
  }
}

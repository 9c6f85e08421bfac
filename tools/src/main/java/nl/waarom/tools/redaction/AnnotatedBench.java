package nl.waarom.tools.redaction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import nl.waarom.ingest.privacy.PiiSpan;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Redactor;

/**
 * {@code waarom bench redaction --file}: recall and precision of the {@link Redactor} on texts
 * whose personal data was marked by hand ({@link AnnotatedText}), without customer names from the
 * source, so names must be found from the text alone.
 *
 * <p>Span level, for privacy: a marked span counts as found when redactions, of whatever type,
 * together cover every one of its characters; a redaction counts as false when it covers no marked
 * character. Recall is per marked type, precision per redacted type and overall. The
 * {@code as type} column counts the found spans whose redactions all have the marked type.
 * Last line: {@code result: recall_min=<x.xxx> precision=<x.xxx>}, the lowest recall over the
 * marked types and the overall precision.
 */
public final class AnnotatedBench {
  private AnnotatedBench() {}

  /** Runs on the file and returns the exit code (0). */
  public static int run(Path file, boolean showErrors, PrintStream out) throws IOException {
    List<AnnotatedText> texts = AnnotatedText.read(file);
    Result r = measure(texts, new Redactor()::find, showErrors ? out : null);
    print(r, texts.size(), file, out);
    return 0;
  }

  /** Counts per type: planted, found, found as its own type; redactions, false redactions. */
  record Result(Map<PiiType, int[]> byType, long nanos) {
    static final int PLANTED = 0;
    static final int FOUND = 1;
    static final int AS_TYPE = 2;
    static final int SPANS = 3;
    static final int FALSE = 4;

    double recall(PiiType t) {
      int[] c = byType.get(t);
      return c[PLANTED] == 0 ? 1.0 : (double) c[FOUND] / c[PLANTED];
    }

    double precision(PiiType t) {
      int[] c = byType.get(t);
      return c[SPANS] == 0 ? 1.0 : 1.0 - (double) c[FALSE] / c[SPANS];
    }

    int total(int column) {
      return byType.values().stream().mapToInt(c -> c[column]).sum();
    }

    double precision() {
      int spans = total(SPANS);
      return spans == 0 ? 1.0 : 1.0 - (double) total(FALSE) / spans;
    }

    double recall() {
      int planted = total(PLANTED);
      return planted == 0 ? 1.0 : (double) total(FOUND) / planted;
    }

    /** The lowest recall over the types with at least one marked span. */
    double recallMin() {
      return byType.keySet().stream().filter(t -> byType.get(t)[PLANTED] > 0)
          .mapToDouble(this::recall).min().orElse(1.0);
    }
  }

  /**
   * @param finder the redactor under test: text and customer names to spans
   * @param errors where to print each miss and false redaction; may be null
   */
  static Result measure(List<AnnotatedText> texts,
      BiFunction<String, Collection<String>, List<PiiSpan>> finder, PrintStream errors) {
    Map<PiiType, int[]> byType = new EnumMap<>(PiiType.class);
    for (PiiType t : PiiType.values()) {
      byType.put(t, new int[5]);
    }
    long start = System.nanoTime();
    for (AnnotatedText a : texts) {
      List<PiiSpan> spans = finder.apply(a.text(), List.of());
      for (Planted p : a.planted()) {
        int[] c = byType.get(p.type());
        c[Result.PLANTED]++;
        if (covered(spans, p.start(), p.end())) {
          c[Result.FOUND]++;
          if (spans.stream().filter(s -> s.overlaps(p.start(), p.end()))
              .allMatch(s -> s.type() == p.type())) {
            c[Result.AS_TYPE]++;
          }
        } else if (errors != null) {
          errors.printf(Locale.ROOT, "missed %s line %d: %s%n", p.type(), a.line(),
              a.text().substring(p.start(), p.end()).replace("\n", "\\n"));
        }
      }
      for (PiiSpan s : spans) {
        int[] c = byType.get(s.type());
        c[Result.SPANS]++;
        if (a.planted().stream().noneMatch(p -> s.overlaps(p.start(), p.end()))) {
          c[Result.FALSE]++;
          if (errors != null) {
            errors.printf(Locale.ROOT, "false  %s line %d: %s%n", s.type(), a.line(),
                a.text().substring(s.start(), s.end()).replace("\n", "\\n"));
          }
        }
      }
    }
    return new Result(byType, System.nanoTime() - start);
  }

  private static boolean covered(List<PiiSpan> spans, int from, int to) {
    for (int i = from; i < to; i++) {
      int at = i;
      if (spans.stream().noneMatch(s -> s.start() <= at && s.end() > at)) {
        return false;
      }
    }
    return true;
  }

  private static void print(Result r, int texts, Path file, PrintStream out) {
    out.printf(Locale.ROOT, "texts: %d from %s, redacted in %.2f s%n", texts, file,
        r.nanos() / 1e9);
    out.println("type        planted  found  as type  recall  redactions  false  precision");
    for (PiiType t : PiiType.values()) {
      int[] c = r.byType().get(t);
      out.printf(Locale.ROOT, "%-10s %8d %6d %8d %7.3f %11d %6d %10.3f%n", t.name(),
          c[Result.PLANTED], c[Result.FOUND], c[Result.AS_TYPE], r.recall(t), c[Result.SPANS],
          c[Result.FALSE], r.precision(t));
    }
    out.printf(Locale.ROOT, "%-10s %8d %6d %8d %7.3f %11d %6d %10.3f%n", "all",
        r.total(Result.PLANTED), r.total(Result.FOUND), r.total(Result.AS_TYPE), r.recall(),
        r.total(Result.SPANS), r.total(Result.FALSE), r.precision());
    out.printf(Locale.ROOT, "result: recall_min=%.3f precision=%.3f%n", r.recallMin(),
        r.precision());
  }
}

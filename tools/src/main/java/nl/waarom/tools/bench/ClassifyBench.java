package nl.waarom.tools.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nl.waarom.analyzer.classify.ClassifiedContacts;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.ModelOptions;
import nl.waarom.analyzer.sentiment.ContactSentiment;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Contact;

/**
 * {@code waarom bench classify}: throughput and latency of the analyzer's whole classification
 * step — rules (Lucene monitor), learned model and the sentiment of every turn, producing the
 * {@code ClassifiedContact} — on 2 KB contacts with the default taxonomy plus 500 extra rules, on
 * 2 threads. Then, for scale, the sentiment step alone on the same contacts and threads. Last
 * line: {@code result: contacts_per_s=… p99_ms=…} of the whole step.
 */
public final class ClassifyBench {
  /**
   * What the benchmark measures, validated. Immutable.
   *
   * @param threads    classifying threads, &ge; 1
   * @param extraRules generated rules added to the default taxonomy, &ge; 0
   * @param bytes      approximate size of a contact's text, &ge; 1
   * @param seconds    measured time, &ge; 1
   * @param warmup     warm-up time in seconds, &ge; 0
   */
  public record Options(int threads, int extraRules, int bytes, int seconds, int warmup) {
    public Options {
      if (threads < 1 || extraRules < 0 || bytes < 1 || seconds < 1 || warmup < 0) {
        throw new IllegalArgumentException("threads, bytes and seconds must be at least 1, extra "
            + "rules and warm-up at least 0: threads=" + threads + " extraRules=" + extraRules
            + " bytes=" + bytes + " seconds=" + seconds + " warmup=" + warmup);
      }
    }

    /** 2 threads, 500 extra rules, 2 KB contacts, 20 s measured after 10 s of warm-up. */
    public static Options defaults() {
      return new Options(2, 500, 2_048, 20, 10);
    }
  }

  private ClassifyBench() {}

  /** Runs the benchmark and returns the exit code (0). */
  public static int run(Options options, PrintStream out) throws InterruptedException {
    int threads = options.threads();
    int extraRules = options.extraRules();
    int bytes = options.bytes();
    int seconds = options.seconds();
    int warmup = options.warmup();
    Taxonomy taxonomy = BenchLoad.withExtraRules(extraRules, 7);
    List<Contact> contacts = BenchLoad.contacts(2_000, bytes, 42);
    long t0 = System.nanoTime();
    try (Classifier classifier = new Classifier(taxonomy, Language.NL, ModelOptions.DEFAULT)) {
      out.printf(Locale.ROOT, "taxonomy: %d reasons, %d rules (%d extra); model and rule index "
              + "built in %.1f s%n", taxonomy.reasons().size(),
          taxonomy.reasons().stream().mapToInt(r -> r.rules().size()).sum(), extraRules,
          (System.nanoTime() - t0) / 1e9);
      out.printf(Locale.ROOT, "contacts: %d of ~%d bytes; %d thread(s), %d s warm-up, %d s measured%n",
          contacts.size(), bytes, threads, warmup, seconds);
      Throughput.Result result = Throughput.measure(
          c -> ClassifiedContacts.of(c, classifier.classify(c), taxonomy.version()), contacts,
          threads, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
      out.printf(Locale.ROOT, "classified %d contacts in %.1f s: p50 %.2f ms, p99 %.2f ms%n",
          result.calls(), result.seconds(), result.p50Millis(), result.p99Millis());
      SentimentModel sentiment = SentimentModel.shipped();
      Throughput.Result alone = Throughput.measure(c -> ContactSentiment.of(c, sentiment),
          contacts, threads, Duration.ofSeconds(Math.min(warmup, 2)),
          Duration.ofSeconds(Math.max(1, seconds / 4)));
      out.printf(Locale.ROOT, "of which sentiment per turn: alone %d contacts/s, p50 %.3f ms "
              + "(%.0f %% of the step's p50)%n", Math.round(alone.perSecond()), alone.p50Millis(),
          100 * alone.p50Millis() / result.p50Millis());
      out.println(result.line());
    }
    return 0;
  }
}

package nl.waarom.tools.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nl.waarom.analyzer.classify.ClassifiedContacts;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.ModelOptions;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Contact;

/**
 * {@code waarom bench classify}: throughput and latency of the analyzer's whole classification
 * step — rules (Lucene monitor) and learned model, producing the {@code ClassifiedContact} — on
 * 2 KB contacts with the default taxonomy plus 500 extra rules, on 2 threads. Last line:
 * {@code result: contacts_per_s=… p99_ms=…}.
 */
public final class ClassifyBench {
  static final String USAGE = """
      usage: bench classify [--threads 2] [--extra-rules 500] [--bytes 2048] [--seconds 20]
                            [--warmup 10]""";

  private ClassifyBench() {}

  public static int run(String[] args, PrintStream out) throws InterruptedException {
    int threads = 2;
    int extraRules = 500;
    int bytes = 2_048;
    int seconds = 20;
    int warmup = 10;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + args[i]);
        }
        int value = Integer.parseInt(args[i + 1]);
        switch (args[i]) {
          case "--threads" -> threads = value;
          case "--extra-rules" -> extraRules = value;
          case "--bytes" -> bytes = value;
          case "--seconds" -> seconds = value;
          case "--warmup" -> warmup = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      out.println("bench classify: " + e.getMessage());
      out.println(USAGE);
      return 2;
    }
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
      out.println(result.line());
    }
    return 0;
  }
}

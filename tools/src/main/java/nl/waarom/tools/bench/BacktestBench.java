package nl.waarom.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.tools.backtest.BacktestMain;
import nl.waarom.tools.backtest.BacktestOptions;

/**
 * The speed of {@code waarom backtest}: writes a JSONL file of generated contacts in the
 * gateway's format ({@link PipelineTraffic}: chats, calls and 2 KB e-mails, Dutch and English, 85
 * % stating a reason of the default taxonomy in the customer's words, 15 % chatter), spread over
 * the last week, and backtests the default taxonomy against itself plus one new reason (a
 * compliment, which chatter states), as {@code waarom backtest --contacts FILE} does. The file
 * can be kept to run {@code waarom backtest} on by hand. Last line: the backtest's
 * {@code result:} line.
 */
public final class BacktestBench {
  /** The reason the benchmark adds to the default taxonomy. */
  static final String NEW_REASON = """

        - id: compliment
          parent: service
          name: {nl: Compliment, en: Compliment}
          rules:
            - 'compliment* OR complimenten'
      """;
  private static final int VARIANTS = 10_000;

  /**
   * @param contacts contacts in the file, at least 1
   * @param seed the generator's seed: same seed, same file
   * @param threads classifying threads, at least 1
   * @param out where to keep the generated file; null for a temporary one, deleted afterwards
   */
  public record Options(int contacts, long seed, int threads, Path out) {
    public Options {
      if (contacts < 1 || threads < 1) {
        throw new IllegalArgumentException("contacts and threads must be at least 1");
      }
    }

    public static Options defaults() {
      return new Options(200_000, 16L, Runtime.getRuntime().availableProcessors(), null);
    }
  }

  private BacktestBench() {}

  /** Generates, backtests, prints; returns the backtest's exit code. */
  public static int run(Options options, PrintStream out, PrintStream err) {
    try (ScratchDir scratch = ScratchDir.create("waarom-backtest-bench")) {
      Path file = options.out() != null ? options.out() : scratch.path().resolve("contacts.jsonl");
      long started = System.nanoTime();
      generate(file, options.contacts(), options.seed());
      out.printf("wrote %d contacts to %s in %.1f s%n", options.contacts(), file,
          (System.nanoTime() - started) / 1e9);
      Path taxonomy = scratch.path().resolve("with-compliment.yaml");
      Files.writeString(taxonomy, withNewReason(TaxonomyDocument.builtIn().yaml()),
          StandardCharsets.UTF_8);
      out.println("backtest: default taxonomy against " + taxonomy.getFileName() + " (the "
          + "default plus the reason compliment), " + options.threads() + " threads");
      return BacktestMain.run(new BacktestOptions(taxonomy, null, file, 3, options.threads()),
          Map.of(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code contacts} generated contacts, one JSON object a line in the gateway's format,
   * occurring over the week before now.
   */
  public static void generate(Path file, int contacts, long seed) throws IOException {
    PipelineTraffic traffic = PipelineTraffic.generate(TaxonomyDocument.builtIn().parse(),
        Math.min(contacts, VARIANTS), seed);
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long step = Math.max(1, Duration.ofDays(7).toMillis() / contacts);
    Instant start = end.minusMillis(step * contacts);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < contacts; i++) {
        w.write(traffic.body("backtest-" + i, start.plusMillis(step * i), i));
        w.newLine();
      }
    }
  }

  /** The default taxonomy document with a new version and the reason compliment appended. */
  static String withNewReason(String yaml) {
    String versioned = yaml.replaceFirst("(?m)^version: \"([^\"]+)\"",
        "version: \"$1-compliment\"");
    return versioned.stripTrailing() + "\n" + NEW_REASON;
  }
}

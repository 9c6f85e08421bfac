package nl.waarom.tools.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.backtest.Backtest;
import nl.waarom.analyzer.backtest.BacktestReport;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.ReasonModels;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.corrections.CorrectionExamples;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.schemas.Contact;
import nl.waarom.taxonomy.TaxonomyException;

/**
 * {@code waarom backtest}: classifies contacts with the taxonomy in force and with a new one,
 * side by side ({@link Backtest}), and prints what would change ({@link BacktestReport}). The
 * contacts come from the contact topics of a running installation, read without a consumer group
 * ({@link KafkaContacts}), with the taxonomy in force from the taxonomy topic and the editors'
 * corrections from the corrections topic; or from a JSONL file in the gateway's format, redacted
 * as the gateway would, with the taxonomy the analyzer's configuration names and the corrections
 * of {@code --corrections} (none without it). Both taxonomies are compiled by the analyzer's own
 * {@link CorrectedRecipe} with the same corrections, so "before" is the model the analyzer
 * classifies with and a corrected contact keeps the editor's reason on both sides. Writes
 * nothing to Kafka.
 */
public final class BacktestMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  private static final String COMMAND = "backtest";

  private BacktestMain() {}

  /** Runs one backtest and returns its exit code: 0 done, 1 failed, 2 bad input. Never throws. */
  public static int run(BacktestOptions options, Map<String, String> env, PrintStream out,
      PrintStream err) {
    Config config;
    TaxonomyDocument candidate;
    try {
      config = Config.load(BacktestSettings.all(), env);
      candidate = TaxonomyDocument.read(options.taxonomy());
      candidate.parse();
    } catch (Config.ConfigException | TaxonomyException | UncheckedIOException e) {
      err.println(COMMAND + ": " + e.getMessage());
      return BAD_INPUT;
    }
    ClassifierRecipe recipe;
    CorrectionBook book = new CorrectionBook();
    try {
      recipe = AnalyzerApp.classifierRecipe(config);
      if (options.corrections() != null) {
        CorrectionsFile.read(options.corrections(), book);
      }
    } catch (IllegalArgumentException | CorrectionsFile.BadLineException e) {
      err.println(COMMAND + ": " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println(COMMAND + ": cannot read " + options.corrections() + ": " + e.getMessage());
      return BAD_INPUT;
    }
    try {
      Sides sides = options.contacts() == null
          ? fromKafka(options, config, new CorrectedRecipe(recipe, book), candidate, err)
          : fromFile(options, config, new CorrectedRecipe(recipe, book), candidate);
      out.print(BacktestReport.text(sides.result(), "in force", options.taxonomy().getFileName()
          .toString(), List.of(sides.corrections())));
      return OK;
    } catch (TaxonomyException e) {
      err.println(COMMAND + ": the taxonomy in force does not load: " + e.getMessage());
      return FAILED;
    } catch (IOException | UncheckedIOException e) {
      err.println(COMMAND + ": cannot read " + options.contacts() + ": " + e.getMessage());
      return BAD_INPUT;
    } catch (RuntimeException e) {
      String authentication = KafkaAuthentication.message(e);
      err.println(COMMAND + " failed: " + (authentication != null ? authentication
          : e.getMessage()));
      return FAILED;
    }
  }

  /** A backtest's result and the line saying which corrections both sides learned. */
  private record Sides(BacktestResult result, String corrections) {}

  private static Sides fromKafka(BacktestOptions options, Config config, CorrectedRecipe recipe,
      TaxonomyDocument candidate, PrintStream err) throws IOException {
    KafkaContacts kafka = new KafkaContacts(config);
    TaxonomyDocument inForce = kafka.taxonomyInForce().orElseGet(() -> {
      err.println(COMMAND + ": no taxonomy published on " + kafka.taxonomyTopic()
          + "; comparing with the one the analyzer's configuration names");
      return AnalyzerApp.taxonomyDocument(config);
    });
    String source = source(options);
    if (source == null) {
      source = "the topic " + kafka.correctionsTopic();
      int undecodable = kafka.corrections(recipe.book());
      if (undecodable > 0) {
        err.println(COMMAND + ": passed over " + undecodable + " records of "
            + kafka.correctionsTopic() + " that are no correction");
      }
    }
    try (Classifier before = recipe.compile(inForce);
        Classifier after = recipe.compile(candidate)) {
      return new Sides(Backtest.run(before, after, kafka.records(options.since()),
          kafka.decoder(options.since()), engine(options)),
          corrections(recipe.book(), source, before, after));
    }
  }

  private static Sides fromFile(BacktestOptions options, Config config, CorrectedRecipe recipe,
      TaxonomyDocument candidate) throws IOException {
    // the gateway's own mapping and redaction; the pseudonyms are not needed, so any key does
    ContactJson json = new ContactJson(new Pseudonymizer(UUID.randomUUID().toString()),
        new Redactor());
    String source = source(options);
    try (Classifier before = recipe.compile(AnalyzerApp.taxonomyDocument(config));
        Classifier after = recipe.compile(candidate);
        BufferedReader lines = Files.newBufferedReader(options.contacts(),
            StandardCharsets.UTF_8)) {
      Backtest.Source<String> contacts = each -> {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank()) {
            each.accept(line);
          }
        }
      };
      return new Sides(Backtest.run(before, after, contacts, line -> {
        Validated<Contact> contact = json.readLine(line.getBytes(StandardCharsets.UTF_8));
        return contact.isValid() ? contact.value() : null;
      }, engine(options)), corrections(recipe.book(), source == null ? "none given" : source,
          before, after));
    }
  }

  /** Where the corrections come from when not the topic; null for the topic. */
  private static String source(BacktestOptions options) {
    if (options.noCorrections()) {
      return "--no-corrections";
    }
    return options.corrections() == null ? null
        : "the file " + options.corrections().getFileName();
  }

  /**
   * The report's line about the corrections: how many, from where, and how many each taxonomy
   * learned (a correction to a reason a taxonomy lacks, or without words, is skipped by it).
   */
  static String corrections(CorrectionBook book, String source, Classifier before,
      Classifier after) {
    if (book.size() == 0) {
      return "corrections: 0 applied (" + source + "): the taxonomies alone";
    }
    CorrectionExamples b = book.examples(ReasonModels.labels(before.taxonomy()));
    CorrectionExamples a = book.examples(ReasonModels.labels(after.taxonomy()));
    return String.format(Locale.ROOT, "corrections: %d applied, from %s; learned by the "
        + "taxonomy in force %d (%d skipped), by the new one %d (%d skipped)", book.size(), source,
        b.examples().size(), b.skipped(), a.examples().size(), a.skipped());
  }

  private static Backtest.Options engine(BacktestOptions options) {
    return Backtest.Options.defaults().withThreads(options.threads())
        .withExamples(options.examples());
  }
}

package nl.waarom.tools.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.backtest.Backtest;
import nl.waarom.analyzer.backtest.BacktestReport;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
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
 * ({@link KafkaContacts}), with the taxonomy in force from the taxonomy topic; or from a JSONL
 * file in the gateway's format, redacted as the gateway would, with the taxonomy the analyzer's
 * configuration names. Writes nothing to Kafka.
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
    try {
      recipe = AnalyzerApp.classifierRecipe(config);
    } catch (IllegalArgumentException e) {
      err.println(COMMAND + ": " + e.getMessage());
      return BAD_INPUT;
    }
    try {
      BacktestResult result = options.contacts() == null
          ? fromKafka(options, config, recipe, candidate, err)
          : fromFile(options, config, recipe, candidate);
      out.print(BacktestReport.text(result, "in force", options.taxonomy().getFileName()
          .toString()));
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

  private static BacktestResult fromKafka(BacktestOptions options, Config config,
      ClassifierRecipe recipe, TaxonomyDocument candidate, PrintStream err) throws IOException {
    KafkaContacts kafka = new KafkaContacts(config);
    TaxonomyDocument inForce = kafka.taxonomyInForce().orElseGet(() -> {
      err.println(COMMAND + ": no taxonomy published on " + kafka.taxonomyTopic()
          + "; comparing with the one the analyzer's configuration names");
      return AnalyzerApp.taxonomyDocument(config);
    });
    try (Classifier before = recipe.compile(inForce);
        Classifier after = recipe.compile(candidate)) {
      return Backtest.run(before, after, kafka.records(options.since()),
          kafka.decoder(options.since()), engine(options));
    }
  }

  private static BacktestResult fromFile(BacktestOptions options, Config config,
      ClassifierRecipe recipe, TaxonomyDocument candidate) throws IOException {
    // the gateway's own mapping and redaction; the pseudonyms are not needed, so any key does
    ContactJson json = new ContactJson(new Pseudonymizer(UUID.randomUUID().toString()),
        new Redactor());
    try (Classifier before = recipe.compile(AnalyzerApp.taxonomyDocument(config));
        Classifier after = recipe.compile(candidate);
        BufferedReader lines = Files.newBufferedReader(options.contacts(),
            StandardCharsets.UTF_8)) {
      Backtest.Source<String> source = each -> {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank()) {
            each.accept(line);
          }
        }
      };
      return Backtest.run(before, after, source, line -> {
        Validated<Contact> contact = json.readLine(line.getBytes(StandardCharsets.UTF_8));
        return contact.isValid() ? contact.value() : null;
      }, engine(options));
    }
  }

  private static Backtest.Options engine(BacktestOptions options) {
    return Backtest.Options.defaults().withThreads(options.threads())
        .withExamples(options.examples());
  }
}

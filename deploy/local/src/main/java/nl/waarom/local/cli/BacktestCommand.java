package nl.waarom.local.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import nl.waarom.tools.backtest.BacktestMain;
import nl.waarom.tools.backtest.BacktestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom backtest} ({@link BacktestMain}). */
@Command(name = "backtest",
    description = {"Show what a new taxonomy would change, before it is put in force.",
        "Classifies the contacts of the retention window (or since --since) with the taxonomy in "
            + "force and with the new one, side by side, and prints per reason the contacts "
            + "before and after, the explained share before and after, and example contacts "
            + "whose reason would flip (from -> to, with what the customer said). The taxonomy "
            + "in force is the latest one the analyzer published on the taxonomy topic; both are "
            + "compiled exactly as the analyzer compiles a taxonomy (WAAROM_TRAINING_CSV and "
            + "WAAROM_MODEL_MIN_CONFIDENCE apply). Last line: result: contacts=... flipped=... "
            + "explained_before=... explained_after=... contacts_per_s=...",
        "Reads the contact topics and the taxonomy topic as the query commands do: "
            + "WAAROM_KAFKA_BOOTSTRAP_SERVERS, WAAROM_TOPIC_PREFIX and a secured cluster's client "
            + "properties (docs/kafka-security.md); joins no consumer group and writes nothing. "
            + "With --contacts it reads a JSONL file instead and needs no running stack; the "
            + "taxonomy in force is then the one the analyzer's configuration names "
            + "(WAAROM_TAXONOMY_FILE, else the built-in default).",
        "Both taxonomies learn the editors' corrections, as the analyzer does: those on the "
            + "corrections topic (read to its end, without a consumer group), those of "
            + "--corrections, or none with --no-corrections; with --contacts none unless "
            + "--corrections is given. A corrected contact keeps the editor's reason on both "
            + "sides. The report says how many corrections were applied."},
    footer = {"  waarom backtest --taxonomy my-taxonomy.yaml",
        "  waarom backtest --taxonomy my-taxonomy.yaml --since 7d --examples 5",
        "  waarom backtest --taxonomy my-taxonomy.yaml --contacts contacts.jsonl",
        "  waarom backtest --taxonomy new.yaml --contacts c.jsonl --corrections k.jsonl"})
final class BacktestCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;

  @Option(names = "--taxonomy", required = true, paramLabel = "FILE",
      description = "The new taxonomy YAML file (docs/taxonomy.md).")
  Path taxonomy;

  @Option(names = "--since", paramLabel = "WHEN", converter = Converters.SinceConverter.class,
      description = "Only contacts that occurred since then: a duration ago (2h, 7d) or an "
          + "ISO-8601 instant; without it, all the contact topics hold.")
  Instant since;

  @Option(names = "--contacts", paramLabel = "FILE",
      description = "A JSONL file of contacts in the gateway's format (docs/ingest.md), redacted "
          + "as the gateway would, instead of the topics of a running stack.")
  Path contacts;

  @Option(names = "--corrections", paramLabel = "FILE",
      description = "A JSONL file of editors' corrections both taxonomies learn, instead of the "
          + "corrections topic: one object a line with contactId, reasonId (null for none of "
          + "these) and text, as a Correction record carries them (docs/taxonomy.md).")
  Path corrections;

  @Option(names = "--no-corrections",
      description = "Compare the taxonomies alone, without the editors' corrections.")
  boolean noCorrections;

  @Option(names = "--examples", paramLabel = "N", converter = Converters.NonNegativeInt.class,
      description = "Example contacts shown per kind of flip (default: ${DEFAULT-VALUE}).")
  int examples = 3;

  @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
      description = "Classifying threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  BacktestCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  BacktestOptions options() {
    if (since != null && contacts != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "backtest: --since selects from the topics; with --contacts the whole file is used");
    }
    return Checks.valid(spec, () -> new BacktestOptions(taxonomy, since, contacts, examples,
        threads, corrections, noCorrections));
  }

  @Override
  public Integer call() {
    return BacktestMain.run(options(), terminal.env(), terminal.out(), terminal.err());
  }
}

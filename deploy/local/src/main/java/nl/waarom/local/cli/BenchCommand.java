package nl.waarom.local.cli;

import java.util.concurrent.Callable;
import nl.waarom.tools.bench.ClassifyBench;
import nl.waarom.tools.bench.InsightBench;
import nl.waarom.tools.bench.InsightScenario;
import nl.waarom.tools.redaction.RedactionBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom bench classify|insights|redaction}: the benchmarks of the tools module. */
@Command(name = "bench",
    description = {"Benchmarks: classification, insight detection, PII redaction.",
        "Each runs on generated data and ends with one machine-readable result: line."},
    subcommands = {BenchCommand.Classify.class, BenchCommand.Insights.class,
        BenchCommand.Redaction.class},
    footer = {"  waarom bench classify", "  waarom bench redaction --messages 200"})
final class BenchCommand {
  BenchCommand() {}

  /** {@code waarom bench classify} ({@link ClassifyBench}). */
  @Command(name = "classify",
      description = {"Throughput and latency of classification (rules and model).",
          "Runs the analyzer's whole classification step on generated contacts, with the "
              + "default taxonomy plus extra rules. Last line: result: contacts_per_s=... "
              + "p99_ms=..."},
      footer = {"  waarom bench classify", "  waarom bench classify --threads 4 --seconds 60"})
  static final class Classify implements Callable<Integer> {
    private static final ClassifyBench.Options DEFAULTS = ClassifyBench.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Classifying threads (default: ${DEFAULT-VALUE}).")
    int threads = DEFAULTS.threads();

    @Option(names = "--extra-rules", paramLabel = "N", converter = Converters.NonNegativeInt.class,
        description = "Generated rules added to the default taxonomy (default: ${DEFAULT-VALUE}).")
    int extraRules = DEFAULTS.extraRules();

    @Option(names = "--bytes", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Approximate size of a contact's text (default: ${DEFAULT-VALUE}).")
    int bytes = DEFAULTS.bytes();

    @Option(names = "--seconds", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Measured time in seconds (default: ${DEFAULT-VALUE}).")
    int seconds = DEFAULTS.seconds();

    @Option(names = "--warmup", paramLabel = "N", converter = Converters.NonNegativeInt.class,
        description = "Warm-up before measuring, in seconds (default: ${DEFAULT-VALUE}).")
    int warmup = DEFAULTS.warmup();

    Classify(Terminal terminal) {
      this.terminal = terminal;
    }

    ClassifyBench.Options options() {
      return Checks.valid(spec, () -> new ClassifyBench.Options(threads, extraRules, bytes,
          seconds, warmup));
    }

    @Override
    public Integer call() throws InterruptedException {
      return ClassifyBench.run(options(), terminal.out());
    }
  }

  /** {@code waarom bench insights} ({@link InsightBench}). */
  @Command(name = "insights",
      description = {"Detection delays and false spikes of the insight detectors.",
          "Replays generated weeks of traffic with injected surges and a new reason through the "
              + "analyzer topology, faster than real time; prints detection delays, false spikes "
              + "and the share explained. Detector settings (WAAROM_SPIKE_*, WAAROM_EMERGING_*, "
          + "...) are read from the environment. Last line: result: spike_delay_s=... "
          + "false_spikes_per_week=... emerging_delay_s=... explained_share=..."},
      footer = {"  waarom bench insights", "  waarom bench insights --per-week 20000 --days 2"})
  static final class Insights implements Callable<Integer> {
    private static final InsightScenario.Options DEFAULTS = InsightScenario.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--weeks-warmup", paramLabel = "N",
        description = "Weeks of normal traffic before the measured days, 0 to 52 (default: "
            + "${DEFAULT-VALUE}).")
    int weeksWarmup = DEFAULTS.warmupWeeks();

    @Option(names = "--per-week", paramLabel = "N",
        description = "Contacts a week, 100 to 5000000 (default: ${DEFAULT-VALUE}).")
    int perWeek = DEFAULTS.perWeek();

    @Option(names = "--seed", paramLabel = "N",
        description = "Seed of the generator: same seed, same traffic (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--days", paramLabel = "N",
        description = "Measured days, 1 to 7 (default: ${DEFAULT-VALUE}).")
    int days = DEFAULTS.measuredDays();

    Insights(Terminal terminal) {
      this.terminal = terminal;
    }

    InsightScenario.Options options() {
      return Checks.valid(spec, () -> new InsightScenario.Options(weeksWarmup, perWeek, seed,
          days));
    }

    @Override
    public Integer call() {
      return InsightBench.run(options(), terminal.out());
    }
  }

  /** {@code waarom bench redaction} ({@link RedactionBench}). */
  @Command(name = "redaction",
      description = {"Recall and precision of PII redaction per type.",
          "Redacts generated customer messages and counts, per kind of personal data, what was "
              + "found and what was redacted wrongly, and the near-misses that must stay "
              + "unredacted. Last line: result: recall_min=... precision_min=..."},
      footer = {"  waarom bench redaction", "  waarom bench redaction --messages 200 --seed 7"})
  static final class Redaction implements Callable<Integer> {
    private static final RedactionBench.Options DEFAULTS = RedactionBench.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Generated messages (default: ${DEFAULT-VALUE}).")
    int messages = DEFAULTS.messages();

    @Option(names = "--seed", paramLabel = "N",
        description = "Seed of the generator: same seed, same messages (default: "
            + "${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    Redaction(Terminal terminal) {
      this.terminal = terminal;
    }

    RedactionBench.Options options() {
      return Checks.valid(spec, () -> new RedactionBench.Options(messages, seed));
    }

    @Override
    public Integer call() {
      return RedactionBench.run(options(), terminal.out());
    }
  }
}

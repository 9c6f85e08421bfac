package nl.waarom.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.waarom.local.LocalStack;
import nl.waarom.local.kafka.EmbeddedKafka;
import nl.waarom.schemas.Topics;
import nl.waarom.tools.bench.BacktestBench;
import nl.waarom.tools.bench.CatchupBench;
import nl.waarom.tools.bench.ClassifyBench;
import nl.waarom.tools.bench.InsightBench;
import nl.waarom.tools.bench.InsightScenario;
import nl.waarom.tools.bench.PipelineBench;
import nl.waarom.tools.redaction.AnnotatedBench;
import nl.waarom.tools.redaction.RedactionBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code waarom bench classify|insights|catchup|pipeline|redaction|backtest}: the benchmarks of the tools module. */
@Command(name = "bench",
    description = {"Benchmarks: classification, insight detection, catch-up, the whole pipeline, "
        + "PII redaction, backtest.",
        "Each runs on generated data and ends with one machine-readable result: line."},
    subcommands = {BenchCommand.Classify.class, BenchCommand.Insights.class,
        BenchCommand.Catchup.class, BenchCommand.Pipeline.class, BenchCommand.Redaction.class,
        BenchCommand.Backtest.class},
    footer = {"  waarom bench classify", "  waarom bench redaction --messages 200"})
final class BenchCommand {
  BenchCommand() {}

  /** {@code waarom bench classify} ({@link ClassifyBench}). */
  @Command(name = "classify",
      description = {"Throughput and latency of classification (rules, model, sentiment).",
          "Runs the analyzer's whole classification step on generated contacts, with the "
              + "default taxonomy plus extra rules, then the sentiment of the turns alone for "
              + "scale. Last line: result: contacts_per_s=... p99_ms=..."},
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

  /** {@code waarom bench catchup} ({@link CatchupBench}) on an embedded broker of its own. */
  @Command(name = "catchup",
      description = {"Whether the analyzer emits the same after catching up on a backlog.",
          "Publishes generated traffic (surges and a new reason) to a real embedded Kafka broker "
              + "while the analyzer is stopped, lets the analyzer catch up with several stream "
              + "threads, and compares its insights and final trend window counts with the same "
              + "traffic replayed in order through the analyzer topology. The broker runs in this "
              + "process with its data in a temporary directory. Last line: result: "
              + "reference=... caught_up=... missing=... extra=... trend_windows_differing=... "
              + "catchup_contacts_per_s=..."},
      footer = {"  waarom bench catchup", "  waarom bench catchup --per-week 6000 --threads 1"})
  static final class Catchup implements Callable<Integer> {
    private static final CatchupBench.Options DEFAULTS = CatchupBench.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--per-week", paramLabel = "N",
        description = "Contacts a week, 100 to 5000000 (default: ${DEFAULT-VALUE}).")
    int perWeek = DEFAULTS.perWeek();

    @Option(names = "--seed", paramLabel = "N",
        description = "Seed of the generator: same seed, same traffic (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--days-warmup", paramLabel = "N",
        description = "Days of traffic before the measured days, 0 to 28 (default: "
            + "${DEFAULT-VALUE}).")
    int warmupDays = DEFAULTS.warmupDays();

    @Option(names = "--days", paramLabel = "N",
        description = "Measured days from Monday, 1 to 7; day 1 has a surge, day 2 the new reason "
            + "and a surge (default: ${DEFAULT-VALUE}).")
    int days = DEFAULTS.measuredDays();

    @Option(names = "--partitions", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions = DEFAULTS.partitions();

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Stream threads of the analyzer (default: ${DEFAULT-VALUE}).")
    int threads = DEFAULTS.threads();

    @Option(names = "--quiet", paramLabel = "DURATION", defaultValue = "30s",
        converter = Converters.DurationConverter.class,
        description = "How long the analyzer must show neither lag nor new output to count as "
            + "caught up (default: ${DEFAULT-VALUE}).")
    Duration quiet;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
        converter = Converters.DurationConverter.class,
        description = "The longest the catch-up may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    Catchup(Terminal terminal) {
      this.terminal = terminal;
    }

    CatchupBench.Options options() {
      return Checks.valid(spec, () -> new CatchupBench.Options(perWeek, seed, warmupDays, days,
          partitions, threads, quiet, timeout));
    }

    @Override
    public Integer call() throws IOException {
      CatchupBench.Options options = options();
      Path dir = Files.createTempDirectory("waarom-bench-catchup-kafka");
      CatchupBench.Report report;
      try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), freePort(),
          freePort())) {
        report = CatchupBench.measure(options, plan -> true, kafka.bootstrapServers(),
            terminal.out());
      } finally {
        delete(dir);
      }
      // last, after the broker's own shutdown lines
      terminal.out().println(report.line());
      return 0;
    }

    private static int freePort() {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free port", e);
      }
    }

    private static void delete(Path dir) throws IOException {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code waarom bench pipeline} ({@link PipelineBench}) on an embedded stack of its own. */
  @Command(name = "pipeline",
      description = {"End-to-end rate and latency of the whole pipeline over HTTP.",
          "Starts the embedded stack (broker, gateway, analyzer exactly-once, sink) with its data "
              + "in a temporary directory and free ports, and posts single contacts (chats, calls, "
              + "2 KB e-mails; Dutch and English) to the gateway at fixed rates, open loop. Per "
              + "rate: accepted/s, classified/s and p50/p95/p99 latency from each request's due "
              + "time until its classified record is visible to a read_committed consumer. "
              + "WAAROM_* settings (e.g. WAAROM_ANALYZER_DISORDER_TOLERANCE) are read from the "
              + "environment. Last line: result: max_sustained_per_s=... p99_ms_at_500=... "
              + "p99_ms_at_1000=..."},
      footer = {"  waarom bench pipeline",
          "  waarom bench pipeline --rates 250,500 --step 30s --warmup 5s"})
  static final class Pipeline implements Callable<Integer> {
    private static final PipelineBench.Options DEFAULTS = PipelineBench.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--rates", paramLabel = "N", split = ",",
        defaultValue = "250,500,1000,1500,2000", converter = Converters.PositiveInt.class,
        description = "Contacts a second of each step, in order (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
        converter = Converters.DurationConverter.class,
        description = "Measured length of each step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
        converter = Converters.DurationConverter.class,
        description = "Load at the step's rate before it is measured (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--drain", paramLabel = "DURATION", defaultValue = "30s",
        converter = Converters.DurationConverter.class,
        description = "The longest to wait, load still on, for a step's contacts to be classified "
            + "(default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--seed", paramLabel = "N",
        description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    Pipeline(Terminal terminal) {
      this.terminal = terminal;
    }

    PipelineBench.Options options() {
      return Checks.valid(spec, () -> new PipelineBench.Options(rates, step, warmup, drain, seed));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
      PipelineBench.Options options = options();
      Path dir = Files.createTempDirectory("waarom-bench-pipeline");
      Map<String, String> env = new HashMap<>(terminal.env());
      env.put("WAAROM_DATA_DIR", dir.toString());
      for (String port : List.of("WAAROM_KAFKA_PORT", "WAAROM_KAFKA_CONTROLLER_PORT",
          "WAAROM_GATEWAY_PORT", "WAAROM_ANALYZER_PORT", "WAAROM_SINK_PORT", "WAAROM_PG_PORT")) {
        env.put(port, "0");
      }
      PipelineBench.Report report;
      try (LocalStack stack = LocalStack.start(env)) {
        awaitReady(stack.analyzerUri().resolve("/ready"), Duration.ofMinutes(2));
        terminal.out().println("stack: embedded broker, gateway, analyzer (exactly-once), sink; "
            + "analyzer settings from the environment: " + analyzerSettings(env));
        report = PipelineBench.measure(options, stack.gatewayUri(), stack.keys().bench(),
            stack.bootstrapServers(), stack.kafkaClients(),
            Topics.withPrefix(env.getOrDefault("WAAROM_TOPIC_PREFIX", Topics.DEFAULT_PREFIX)),
            terminal.out());
      } finally {
        delete(dir);
      }
      // last, after the stack's own shutdown lines
      terminal.out().println(report.line());
      return 0;
    }

    /** Waits until the analyzer answers 200 on /ready (Streams RUNNING), so no step measures a rebalance. */
    private static void awaitReady(URI ready, Duration timeout) throws InterruptedException {
      try (HttpClient http = HttpClient.newHttpClient()) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
          try {
            if (http.send(HttpRequest.newBuilder(ready).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
              Thread.sleep(2_000); // and stays so: the second stream thread joins the group late
              if (http.send(HttpRequest.newBuilder(ready).GET().build(),
                  HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
              }
            }
          } catch (IOException e) {
            // not listening yet
          }
          Thread.sleep(200);
        }
        throw new IllegalStateException("the analyzer was not ready within " + timeout);
      }
    }

    private static String analyzerSettings(Map<String, String> env) {
      StringBuilder s = new StringBuilder();
      env.entrySet().stream().filter(e -> e.getKey().startsWith("WAAROM_ANALYZER_")
              && !e.getKey().endsWith("_PORT") && !e.getKey().endsWith("_STATE_DIR"))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append('=')
              .append(e.getValue()));
      return s.isEmpty() ? "none (the embedded defaults: disorder tolerance 15s, a stream thread "
          + "per core)" : s.toString();
    }

    private static void delete(Path dir) throws IOException {
      Catchup.delete(dir);
    }
  }

  /** {@code waarom bench redaction} ({@link RedactionBench}, {@link AnnotatedBench}). */
  @Command(name = "redaction",
      description = {"Recall and precision of PII redaction per type.",
          "Redacts generated customer messages and counts, per kind of personal data, what was "
              + "found and what was redacted wrongly, and the near-misses that must stay "
              + "unredacted. Last line: result: recall_min=... precision_min=...",
          "With --file, redacts hand-annotated texts instead (one a line, personal data marked "
              + "as [TYPE:text]) without telling the redactor any name. A marked span is found "
              + "when redactions cover all its characters; a redaction is false when it covers "
              + "none. Last line: result: recall_min=... precision=..."},
      footer = {"  waarom bench redaction", "  waarom bench redaction --messages 200 --seed 7",
          "  waarom bench redaction --file tools/src/test/resources/redaction/"
              + "handwritten-dev.txt"})
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

    @Option(names = "--file", paramLabel = "FILE",
        description = "Hand-annotated texts to redact instead of generated messages.")
    Path file;

    @Option(names = "--show-errors",
        description = "With --file: print every missed span and false redaction with its line.")
    boolean showErrors;

    Redaction(Terminal terminal) {
      this.terminal = terminal;
    }

    RedactionBench.Options options() {
      return Checks.valid(spec, () -> new RedactionBench.Options(messages, seed));
    }

    @Override
    public Integer call() throws IOException {
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
        return AnnotatedBench.run(file, showErrors, terminal.out());
      }
      return RedactionBench.run(options(), terminal.out());
    }
  }

  /** {@code waarom bench backtest} ({@link BacktestBench}). */
  @Command(name = "backtest",
      description = {"Speed of the backtest on a generated JSONL file of contacts.",
          "Writes N generated contacts in the gateway's JSON format (chats, calls and e-mails "
              + "in Dutch and English, most stating a reason of the default taxonomy, some "
              + "chatter) and backtests the default taxonomy against itself plus one new reason, "
              + "as waarom backtest --contacts does. --out keeps the file, to run waarom "
              + "backtest on it by hand. Last line: the backtest's result: line."},
      footer = {"  waarom bench backtest",
          "  waarom bench backtest --contacts 200000 --out contacts.jsonl"})
  static final class Backtest implements Callable<Integer> {
    private static final BacktestBench.Options DEFAULTS = BacktestBench.Options.defaults();
    private final Terminal terminal;
    @Spec CommandSpec spec;

    @Option(names = "--contacts", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Contacts to generate (default: ${DEFAULT-VALUE}).")
    int contacts = DEFAULTS.contacts();

    @Option(names = "--seed", paramLabel = "N",
        description = "Seed of the generator: same seed, same contacts (default: "
            + "${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Classifying threads (default: the number of processors).")
    int threads = DEFAULTS.threads();

    @Option(names = "--out", paramLabel = "FILE",
        description = "Keep the generated JSONL file here (default: a temporary file, deleted).")
    Path out;

    Backtest(Terminal terminal) {
      this.terminal = terminal;
    }

    BacktestBench.Options options() {
      return Checks.valid(spec, () -> new BacktestBench.Options(contacts, seed, threads, out));
    }

    @Override
    public Integer call() {
      return BacktestBench.run(options(), terminal.out(), terminal.err());
    }
  }
}

package nl.waarom.local.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.InsightKind;
import nl.waarom.tools.query.OutputFormat;
import nl.waarom.tools.query.Query;
import nl.waarom.tools.query.QueryFilter;
import nl.waarom.tools.query.QueryMain;
import nl.waarom.tools.query.QueryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waarom insights}, {@code waarom trends} and {@code waarom contacts}: an installation's
 * answers straight from its topics ({@link QueryMain}).
 */
final class QueryCommand {
  private static final String CONNECTION = "Connects as the services do: "
      + "WAAROM_KAFKA_BOOTSTRAP_SERVERS, WAAROM_TOPIC_PREFIX, and a secured cluster's client "
      + "properties (TLS, SASL) from WAAROM_KAFKA_CLIENT_PROPERTIES and WAAROM_KAFKA_<NAME> "
      + "(see docs/kafka-security.md). Joins no consumer group: nobody's position moves.";
  private static final String UNTIL_THE_END = "Without --follow it stops at the end of the "
      + "topic as it was at the start.";
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private QueryCommand() {}

  /** The options every query takes: the time range, reasons and channels. */
  static final class Selection {
    @Option(names = "--since", paramLabel = "WHEN", converter = Converters.SinceConverter.class,
        description = "From then on: a duration ago (2h, 7d) or an ISO-8601 instant "
            + "(2026-03-02T00:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "WHEN", converter = Converters.SinceConverter.class,
        description = "Before then (same forms as --since); not with --follow.")
    Instant until;

    @Option(names = "--reason", paramLabel = "ID", split = ",",
        description = "Only these reason ids (comma-separated or repeated).")
    List<String> reasons = new ArrayList<>();

    @Option(names = "--channel", paramLabel = "CHANNEL", split = ",",
        converter = Converters.ChannelConverter.class,
        description = "Only these channels: chat, call, email, other.")
    List<Channel> channels = new ArrayList<>();

    Set<String> reasonIds() {
      return Set.copyOf(reasons.stream().map(String::strip).toList());
    }
  }

  /** How the rows come out. */
  static final class Output {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = Converters.FormatConverter.class,
        description = "table (aligned, long values cut short), jsonl (the whole record as "
            + "JSON, one a line) or csv (every column) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--follow",
        description = "After the records so far, print new ones as they arrive, until Ctrl-C.")
    boolean follow;

    @Option(names = "--every-record",
        description = "Every record as it is on the topic, earlier versions included, instead "
            + "of the latest per key.")
    boolean everyRecord;
  }

  /** {@code waarom insights}. */
  @Command(name = "insights",
      description = {"Print the insights: spikes, emerging reasons, repeat hotspots.",
          "One row an insight, ordered by when it was detected (event time, which --since and "
              + "--until select on). " + UNTIL_THE_END,
          CONNECTION},
      footer = {"  waarom insights --since 7d",
          "  waarom insights --kind spike --format csv > spikes.csv",
          "  waarom insights --follow --format jsonl"})
  static final class Insights implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;
    @Mixin Selection selection;

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
        converter = Converters.KindConverter.class,
        description = "Only these kinds: spike, emerging-reason, repeat-hotspot, other.")
    List<InsightKind> kinds = new ArrayList<>();

    @Mixin Output output;

    Insights(Terminal terminal) {
      this.terminal = terminal;
    }

    QueryOptions options() {
      return Checks.valid(spec, () -> new QueryOptions(Query.INSIGHTS, new QueryFilter(
          selection.since, selection.until, selection.reasonIds(), Set.copyOf(selection.channels),
          Set.copyOf(kinds), null), output.format, output.follow, output.everyRecord));
    }

    @Override
    public Integer call() {
      return run(terminal, options());
    }
  }

  /** {@code waarom trends}. */
  @Command(name = "trends",
      description = {"Print contacts per reason, channel and time window.",
          "One row a window (latest count, baseline, deviation, repeats), ordered by its start "
              + "(which --since and --until select on). " + UNTIL_THE_END,
          CONNECTION},
      footer = {"  waarom trends --since 1d --reason payment-problem",
          "  waarom trends --minutes 15 --since 2h --channel chat --format jsonl"})
  static final class Trends implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;
    @Mixin Selection selection;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "60",
        converter = Converters.PositiveInt.class,
        description = "Window length: 1, 15 or 60 minutes (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Mixin Output output;

    Trends(Terminal terminal) {
      this.terminal = terminal;
    }

    QueryOptions options() {
      return Checks.valid(spec, () -> new QueryOptions(Query.TRENDS, new QueryFilter(
          selection.since, selection.until, selection.reasonIds(), Set.copyOf(selection.channels),
          Set.of(), minutes), output.format, output.follow, output.everyRecord));
    }

    @Override
    public Integer call() {
      return run(terminal, options());
    }
  }

  /** {@code waarom contacts}. */
  @Command(name = "contacts",
      description = {"Print classified contacts: reason, confidence, repeat, snippet.",
          "One row a contact, ordered by when it happened (which --since and --until select "
              + "on); --reason selects on the primary reason (unexplained: none). A contact the "
              + "analyzer later finds to be a repeat is on the topic twice; it is shown once, "
              + "as its latest record, with repeat_of set (with --follow, when that record "
              + "arrives, a second time). " + UNTIL_THE_END,
          CONNECTION},
      footer = {"  waarom contacts --since 2h --reason payment-problem",
          "  waarom contacts --since 1d --channel call --format csv > calls.csv"})
  static final class Contacts implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;
    @Mixin Selection selection;
    @Mixin Output output;

    Contacts(Terminal terminal) {
      this.terminal = terminal;
    }

    QueryOptions options() {
      return Checks.valid(spec, () -> new QueryOptions(Query.CONTACTS, new QueryFilter(
          selection.since, selection.until, selection.reasonIds(), Set.copyOf(selection.channels),
          Set.of(), null), output.format, output.follow, output.everyRecord));
    }

    @Override
    public Integer call() {
      return run(terminal, options());
    }
  }

  /** Runs a query; while following, Ctrl-C ends it cleanly (the consumer is closed). */
  static int run(Terminal terminal, QueryOptions options) {
    if (!options.follow()) {
      return QueryMain.run(options, terminal.env(), terminal.out(), terminal.err(), () -> true);
    }
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "waarom-query-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return QueryMain.run(options, terminal.env(), terminal.out(), terminal.err(), stop::get);
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // Ctrl-C: the hook has stopped the query
      }
    }
  }
}

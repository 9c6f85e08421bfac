package nl.waarom.ingest.dlq;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Topics;

/**
 * Command-line entry of {@code ./waarom dlq list|replay} (see {@link DlqOptions#USAGE}): reads the
 * dead-letter topic {@code dlq} and, for replay, writes the channel topics or the letters'
 * original topics. Exits 0 on success (also when letters stay dead: they are reported), 2 on bad
 * arguments or configuration, 1 when Kafka fails.
 */
public final class DlqMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERROR_CHARS = 160;

  private DlqMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs one command and returns the exit code; never throws for bad input. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    DlqOptions options;
    Config config;
    try {
      options = DlqOptions.parse(args, Clock.systemUTC());
      config = Config.load(IngestSettings.all(), env);
    } catch (IllegalArgumentException e) {
      err.println("dlq: " + e.getMessage());
      err.println(DlqOptions.USAGE);
      return BAD_ARGUMENTS;
    }
    if (options.help()) {
      out.println(DlqOptions.USAGE);
      return OK;
    }
    Topics topics = IngestSettings.topics(config);
    String bootstrap = config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS);
    try {
      List<DeadLetterEntry> entries = new DeadLetterReader(bootstrap, topics.deadLetters, TIMEOUT)
          .read(options.filter());
      if (options.command().equals("list")) {
        list(entries, options.limit(), out);
      } else {
        replay(entries, options.dryRun(), config, topics, out);
      }
      return OK;
    } catch (RuntimeException e) {
      err.println("dlq " + options.command() + " failed: " + e.getMessage());
      return FAILED;
    }
  }

  private static void list(List<DeadLetterEntry> entries, int limit, PrintStream out) {
    out.println("address\tfailed_at\tsource\torigin\tsize\terror");
    entries.stream().limit(limit).forEach(e -> out.println(String.join("\t", e.address(),
        e.letter().getFailedAt().toString(), e.letter().getSource(), e.origin(),
        Integer.toString(e.size()), oneLine(e.letter().getError()))));
    out.println("dead letters: " + entries.size() + (entries.size() > limit
        ? " (first " + limit + " shown; use --limit or --since)" : ""));
  }

  private static void replay(List<DeadLetterEntry> entries, boolean dryRun, Config config,
      Topics topics, PrintStream out) {
    ContactJson json = new ContactJson(IngestSettings.pseudonymizer(config), new Redactor());
    List<ReplayOutcome> outcomes;
    if (dryRun) {
      outcomes = new DeadLetterReplayer(json, null, topics, TIMEOUT).replay(entries, true);
    } else {
      try (TopicProducer producer = TopicProducer.create(
          config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS), "waarom-dlq-replay", TIMEOUT)) {
        outcomes = new DeadLetterReplayer(json, producer, topics, TIMEOUT).replay(entries, false);
      }
    }
    Map<ReplayOutcome.Status, Integer> counts = new EnumMap<>(ReplayOutcome.Status.class);
    for (ReplayOutcome o : outcomes) {
      counts.merge(o.status(), 1, Integer::sum);
      out.println(String.join("\t", o.entry().address(), o.entry().letter().getSource(),
          (dryRun && o.status() == ReplayOutcome.Status.REPLAYED ? "would_replay"
              : o.status().name().toLowerCase(java.util.Locale.ROOT)), oneLine(o.detail())));
    }
    out.println((dryRun ? "dry run: " : "") + "replayed=" + counts.getOrDefault(
        ReplayOutcome.Status.REPLAYED, 0) + " still_dead=" + counts.getOrDefault(
        ReplayOutcome.Status.STILL_DEAD, 0) + " ignored=" + counts.getOrDefault(
        ReplayOutcome.Status.IGNORED, 0));
  }

  private static String oneLine(String text) {
    String s = text.replaceAll("\\s+", " ");
    return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }
}

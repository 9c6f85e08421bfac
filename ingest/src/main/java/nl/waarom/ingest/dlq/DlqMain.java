package nl.waarom.ingest.dlq;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Topics;

/**
 * The dead-letter commands ({@code ./waarom dlq list|replay}): reads the dead-letter topic
 * {@code dlq} and, for replay, writes the channel topics or the letters' original topics. Each
 * returns the exit code: 0 on success (also when letters stay dead: they are reported), 2 on bad
 * configuration, 1 when Kafka fails. Kafka, the topic prefix and the pseudonym secret come from
 * {@code WAAROM_KAFKA_BOOTSTRAP_SERVERS} (with the client properties passed through, see
 * {@link nl.waarom.platform.KafkaClientProperties}), {@code WAAROM_TOPIC_PREFIX} and
 * {@code WAAROM_PSEUDONYM_SECRET}; the command line is parsed by the CLI, which hands over
 * validated {@link DlqListOptions} and {@link DlqReplayOptions}.
 */
public final class DlqMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_CONFIGURATION = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERROR_CHARS = 160;

  private DlqMain() {}

  /**
   * Prints the selected dead letters (address partition:offset, time, source, origin, size,
   * error), at most {@code limit} of them, then their count. Never throws for bad configuration.
   */
  public static int list(DlqListOptions options, Map<String, String> env, PrintStream out,
      PrintStream err) {
    return withLetters("list", options.filter(), env, err,
        (entries, config, topics) -> list(entries, options.limit(), out));
  }

  /**
   * Re-submits the selected letters' original bytes to where they came from: the original topic
   * for consumer dead letters (analyzer, insights-sink); the gateway's validation,
   * pseudonymisation and redaction for gateway, webhook, replay and connector dead letters.
   * Letters still invalid stay dead and are reported. Never throws for bad configuration.
   */
  public static int replay(DlqReplayOptions options, Map<String, String> env, PrintStream out,
      PrintStream err) {
    return withLetters("replay", options.filter(), env, err,
        (entries, config, topics) -> replay(entries, options.dryRun(), config, topics, out));
  }

  private interface LetterCommand {
    void run(List<DeadLetterEntry> entries, Config config, Topics topics);
  }

  private static int withLetters(String command, DeadLetterFilter filter,
      Map<String, String> env, PrintStream err, LetterCommand body) {
    Config config;
    try {
      config = Config.load(IngestSettings.all(), env);
    } catch (Config.ConfigException e) {
      err.println("dlq " + command + ": " + e.getMessage());
      return BAD_CONFIGURATION;
    }
    Topics topics = IngestSettings.topics(config);
    String bootstrap = config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS);
    try {
      body.run(new DeadLetterReader(bootstrap, config.kafkaClients(), topics.deadLetters, TIMEOUT)
          .read(filter), config, topics);
      return OK;
    } catch (RuntimeException e) {
      String authentication = KafkaAuthentication.message(e);
      err.println("dlq " + command + " failed: "
          + (authentication != null ? authentication : e.getMessage()));
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
          config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS), config.kafkaClients(),
          "waarom-dlq-replay", TIMEOUT)) {
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

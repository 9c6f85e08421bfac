package nl.waarom.tools.query;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The query commands ({@code ./waarom insights}, {@code trends}, {@code contacts}): read one
 * topic of a running installation (insights, reason-trends or contacts.classified) without a
 * consumer group, keep the records a {@link QueryFilter} selects, and print them in time order as
 * a table, JSON lines or CSV; with {@code follow}, go on printing new records as they arrive.
 * Writes nothing to Kafka.
 *
 * <p>Up to the end of the topic a query shows the topic as a table: the latest record per key
 * (a contact, an insight, a trend window), unless {@code everyRecord} asks for the log. After
 * that, with {@code follow}, every new record that passes the filter is printed as it comes, so a
 * trend window that counts one more contact, or a contact the analyzer found to be a repeat, is
 * printed again.
 *
 * <p>Kafka and the topic prefix come from {@code WAAROM_KAFKA_BOOTSTRAP_SERVERS} (with the client
 * properties passed through, see {@link nl.waarom.platform.KafkaClientProperties}) and
 * {@code WAAROM_TOPIC_PREFIX}; values are decoded by the topic's own serde from {@link Topics}.
 */
public final class QueryMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_CONFIGURATION = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Records are stamped with the time a query selects on (or later); a minute covers skew. */
  private static final Duration SEEK_MARGIN = Duration.ofMinutes(1);

  private QueryMain() {}

  /**
   * Runs one query and returns its exit code: 0 done, 1 when Kafka fails, 2 on bad configuration.
   * Records that cannot be decoded are skipped and reported on {@code err}. Never throws.
   *
   * @param stop asked a few times a second while following; true ends the query
   */
  public static int run(QueryOptions options, Map<String, String> env, PrintStream out,
      PrintStream err, BooleanSupplier stop) {
    String command = options.query().command();
    Config config;
    try {
      config = Config.load(QuerySettings.all(), env);
    } catch (Config.ConfigException e) {
      err.println(command + ": " + e.getMessage());
      return BAD_CONFIGURATION;
    }
    try {
      new Run<>(options.query().view(), config, options, out, err).run(stop);
      return OK;
    } catch (RuntimeException e) {
      String authentication = KafkaAuthentication.message(e);
      err.println(command + " failed: " + (authentication != null ? authentication
          : e.getMessage()));
      return FAILED;
    }
  }

  /** One query of one view. */
  private static final class Run<V extends SpecificRecord> {
    private final RecordView<V> view;
    private final Config config;
    private final QueryOptions options;
    private final Topic<String, V> topic;
    private final Deserializer<String> keys;
    private final Deserializer<V> values;
    private final RowWriter<V> writer;
    private final PrintStream err;
    private int skipped;

    Run(RecordView<V> view, Config config, QueryOptions options, PrintStream out,
        PrintStream err) {
      this.view = view;
      this.config = config;
      this.options = options;
      this.topic = view.topic(CommonSettings.topics(config));
      this.keys = topic.keySerde().deserializer();
      this.values = topic.valueSerde().deserializer();
      this.writer = RowWriter.of(options.format(), view, out);
      this.err = err;
    }

    void run(BooleanSupplier stop) {
      QueryFilter filter = options.filter();
      Instant from = filter.since() == null ? null : filter.since().minus(SEEK_MARGIN);
      try (TopicScan scan = TopicScan.open(config.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS),
          config.kafkaClients(), topic.name(), from, TIMEOUT)) {
        Snapshot<V> snapshot = options.everyRecord() ? Snapshot.log() : Snapshot.table();
        scan.readToEnd(r -> decode(r, (key, value) -> snapshot.add(key,
            value != null && view.matches(value, filter) ? value : null)));
        List<V> rows = snapshot.ordered(view::time);
        writer.header();
        rows.forEach(writer::row);
        if (!options.follow()) {
          writer.printed(rows.size());
          reportSkipped();
          return;
        }
        reportSkipped();
        err.println(options.query().command() + ": following " + topic.name()
            + " (Ctrl-C stops)");
        scan.follow(stop, r -> decode(r, (key, value) -> {
          if (value != null && view.matches(value, filter)) {
            writer.row(value);
          }
        }));
      }
    }

    private interface Decoded<V> {
      void accept(String key, V value);
    }

    /**
     * Decodes key and value; a value that is no record of the topic is skipped and counted. Any
     * other failure (the serde could not ask what it needed) ends the query.
     */
    private void decode(ConsumerRecord<byte[], byte[]> r, Decoded<V> then) {
      V value;
      try {
        value = r.value() == null ? null : values.deserialize(r.topic(), r.headers(), r.value());
      } catch (SerializationException e) {
        if (skipped++ < 10) {
          err.println("skipped record " + r.partition() + ":" + r.offset() + ": "
              + e.getMessage());
        }
        return;
      }
      String key = r.key() == null ? r.partition() + ":" + r.offset()
          : keys.deserialize(r.topic(), r.headers(), r.key());
      then.accept(key, value);
    }

    private void reportSkipped() {
      if (skipped > 0) {
        err.println(options.query().command() + ": skipped " + skipped + " record"
            + (skipped == 1 ? "" : "s") + " that could not be decoded");
      }
    }
  }
}

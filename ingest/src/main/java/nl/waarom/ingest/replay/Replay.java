package nl.waarom.ingest.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.waarom.platform.Config;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.ArrivalHeader;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a JSONL corpus (one contact JSON per line, the gateway's shape and rules, see
 * {@link nl.waarom.ingest.contact}) to the channel topics ({@code contacts.chat},
 * {@code contacts.call}, {@code contacts.email}), optionally paced. A line that is not a valid
 * contact goes to {@code dlq} as a {@link DeadLetter} (source {@code replay}, request
 * {@code file:line}, the line's original bytes, the validation messages); blank lines are skipped.
 * Reads no topic.
 */
public final class Replay {
  static final String SOURCE = "replay";
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
  private static final Duration PRODUCE_TIMEOUT = Duration.ofMinutes(2);

  private final ContactJson json;
  private final TopicProducer producer;
  private final Topics topics;
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private Replay(ContactJson json, TopicProducer producer, Topics topics) {
    this.json = json;
    this.producer = producer;
    this.topics = topics;
  }

  /**
   * Replays one file and returns after Kafka acknowledged every record.
   *
   * @param ratePerSecond lines per second; 0 for as fast as possible
   * @param env environment variables (see {@link IngestSettings}); never null
   * @throws IOException when the file cannot be read
   * @throws ReplayException when Kafka did not acknowledge a record
   * @throws nl.waarom.platform.Config.ConfigException when a setting is invalid
   */
  public static Summary run(Path file, double ratePerSecond, Map<String, String> env)
      throws IOException {
    Config config = Config.load(IngestSettings.all(), env);
    LOG.info("Replaying {} at {} with configuration:\n{}", file,
        ratePerSecond == 0 ? "full speed" : ratePerSecond + " lines/s", config.describe());
    ContactJson json = new ContactJson(IngestSettings.pseudonymizer(config), new Redactor());
    try (TopicProducer producer = TopicProducer.create(
        config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS), config.kafkaClients(), "waarom-replay",
        PRODUCE_TIMEOUT)) {
      Summary summary = new Replay(json, producer, IngestSettings.topics(config))
          .publish(file, new Pacer(ratePerSecond));
      LOG.info("Replay of {} done: {}", file, summary.line());
      return summary;
    }
  }

  private Summary publish(Path file, Pacer pacer) throws IOException {
    long start = System.nanoTime();
    try (JsonlReader lines = JsonlReader.open(file)) {
      for (JsonlReader.Line line = lines.next(); line != null && failure.get() == null;
          line = lines.next()) {
        if (!line.isBlank()) {
          pacer.awaitNext();
          publish(file, line);
        }
      }
    }
    producer.flush();
    Throwable error = failure.get();
    if (error != null) {
      throw new ReplayException("Kafka did not acknowledge a record of " + file + ": " + error,
          error);
    }
    return new Summary(replayed.get(), deadLettered.get(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void publish(Path file, JsonlReader.Line line) {
    Validated<Contact> contact = json.readLine(line.bytes());
    if (contact.isValid()) {
      Contact c = contact.value();
      // History arrives as it happened: the analyzer judges lateness by this header, and a
      // replayed day must not count as a day late.
      count(producer.send(topics.contactsFor(c.getChannel()), c.getContactId(), c,
          ArrivalHeader.set(new RecordHeaders(), c.getOccurredAt())), replayed);
    } else {
      String request = file + ":" + line.number();
      LOG.debug("Dead-lettering {}: {}", request, contact.describeErrors());
      count(producer.send(topics.deadLetters, SOURCE, deadLetter(request, line.bytes(),
          contact.describeErrors())), deadLettered);
    }
  }

  private void count(CompletableFuture<RecordMetadata> ack, AtomicLong counter) {
    ack.whenComplete((metadata, error) -> {
      if (error == null) {
        counter.incrementAndGet();
      } else {
        failure.compareAndSet(null, error);
      }
    });
  }

  static DeadLetter deadLetter(String request, byte[] value, String error) {
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setRequest(request)
        .setValue(ByteBuffer.wrap(value))
        .setError(error)
        .setFailedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build();
  }
}

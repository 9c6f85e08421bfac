package nl.waarom.analyzer.app;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Topic;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the taxonomy in force to {@code <prefix>taxonomy} (key: the version), so that readers
 * such as the sink's board learn the reasons' names from what the analyzer runs, not from a second
 * copy of the file. Output topic: {@code <prefix>taxonomy}.
 *
 * <p>On thread {@code waarom-taxonomy-publisher}, at start and every {@code interval}: when the
 * classifier's taxonomy is not the one last published (a reload replaced it), the document is read
 * again, parsed, and, when it is the version in force, published with its SHA-256; a document
 * with the same SHA-256 as the last one published is not sent again. A failure (broker away, file
 * unreadable) is logged and retried at the next check; it never touches classification.
 */
final class TaxonomyPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaxonomyPublisher.class);

  private final KafkaProducer<String, TaxonomySnapshot> producer;
  private final Topic<String, TaxonomySnapshot> topic;
  private final Supplier<Taxonomy> inForce;
  private final String file;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private Taxonomy published; // the classifier's taxonomy object last handled; guarded by this
  private String publishedSha;

  /**
   * @param inForce the taxonomy the classifier runs (read once per check); never null
   * @param file the configured taxonomy file; blank for the built-in one
   */
  TaxonomyPublisher(String bootstrapServers, KafkaClientProperties clients,
      Topic<String, TaxonomySnapshot> topic, Supplier<Taxonomy> inForce, String file,
      Clock clock) {
    this.topic = topic;
    this.inForce = inForce;
    this.file = file;
    this.clock = clock;
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "waarom-analyzer-taxonomy");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    this.producer = new KafkaProducer<>(clients.producer(p), topic.keySerde().serializer(),
        topic.valueSerde().serializer());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-taxonomy-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Checks now and then every {@code interval}; returns at once. */
  void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) { // never let the timer die
      LOG.warn("cannot publish the taxonomy in force to {}, retrying: {}", topic.name(),
          e.toString());
    }
  }

  /**
   * Publishes the taxonomy in force unless it was published already.
   *
   * @return true when a snapshot was sent and acknowledged
   * @throws RuntimeException when reading the document or sending failed (retried at the next check)
   */
  synchronized boolean check() {
    Taxonomy now = inForce.get();
    if (now == published) {
      return false;
    }
    String yaml = TaxonomySnapshots.text(file);
    Taxonomy loaded = TaxonomyLoader.loadText(file.isBlank() ? "default.yaml" : file, yaml,
        RuleParser.check());
    if (!loaded.version().equals(now.version())) {
      // the file changed again after the classifier loaded it: publish once that is in force
      LOG.debug("taxonomy file holds {} but {} is in force; waiting", loaded.version(),
          now.version());
      return false;
    }
    TaxonomySnapshot snapshot = TaxonomySnapshots.of(loaded, yaml, clock.instant());
    if (snapshot.getSha256().equals(publishedSha)) {
      published = now;
      return false;
    }
    try {
      producer.send(new ProducerRecord<>(topic.name(), snapshot.getVersion(), snapshot))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("sending failed: " + e.getMessage(), e);
    }
    published = now;
    publishedSha = snapshot.getSha256();
    LOG.info("published taxonomy {} ({} reasons, sha256 {}) to {}", snapshot.getVersion(),
        snapshot.getReasons().size(), snapshot.getSha256().substring(0, 12), topic.name());
    return true;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}

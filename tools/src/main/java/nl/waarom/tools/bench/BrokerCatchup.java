package nl.waarom.tools.bench;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import nl.waarom.analyzer.app.AnalyzerOptions;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.analyzer.app.AnalyzerTopology;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topics;
import nl.waarom.tools.bench.CatchupTraffic.Arrival;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The catch-up on a real broker: topics created with the run's partition count, the whole
 * backlog published while no analyzer runs, then the production topology started as a Kafka
 * Streams application with the analyzer's own properties (exactly-once by default) and the
 * run's number of stream threads, and its {@code insights} and {@code reason-trends} read
 * (read_committed) until it has caught up.
 *
 * <p>Caught up means: the application's consumer group has no lag on the contact topics
 * (committed offsets against read_committed end offsets), the application is RUNNING, and
 * neither lag nor new output was seen for the quiet period, which is at least what the
 * event-time ordering needs to release the last contacts (idle timeout plus tolerance). The
 * catch-up time ends at the last activity (output or lag) before that quiet period.
 */
final class BrokerCatchup {
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(60);

  private BrokerCatchup() {}

  /**
   * What the catch-up emitted.
   *
   * @param seconds from the start of the application to its last activity
   * @param settled false when the timeout came first (the outputs are then incomplete)
   */
  record Outcome(AnalyzerOutputs outputs, double seconds, boolean settled, long dropped) {}

  /**
   * Creates the catalogue's topics, kept forever (the contacts' timestamps lie in the past), and
   * returns once every partition has a leader that answers: a producer that starts earlier gets
   * NOT_LEADER_OR_FOLLOWER on its first batches, and its retries then break the idempotent
   * sequence.
   */
  static void createTopics(String bootstrap, KafkaClientProperties clients, Topics topics,
      int partitions) {
    try (Admin admin = admin(bootstrap, clients)) {
      admin.createTopics(topics.all().stream().map(t -> new NewTopic(t.name(), partitions,
          (short) 1).configs(Map.of("retention.ms", "-1"))).toList()).all().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      Lag.partitions(admin, topics.all().stream().map(t -> t.name())
          .collect(Collectors.toSet())).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
      while (true) {
        try {
          admin.listOffsets(latest).all().get();
          return;
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Publishes the traffic in arrival order with an idempotent producer; returns seconds. */
  static double publish(String bootstrap, KafkaClientProperties clients,
      CatchupTraffic traffic) {
    long t0 = System.nanoTime();
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    // one batch in flight per partition: a retried batch can never land behind a later one
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer(p),
        new StringSerializer(),
        new ByteArraySerializer())) {
      for (Arrival a : traffic.arrivals()) {
        producer.send(new ProducerRecord<>(a.topic(), null, a.timestamp().toEpochMilli(),
            a.key(), a.value()));
      }
      producer.flush();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Starts the analyzer on the published backlog ({@code partitions} per contact topic, the
   * number of sources its event-time ordering waits for, as the running analyzer finds them), waits until it has caught up (or
   * {@code timeout}), stops it and returns what it emitted; the analyzer's metrics go to
   * {@code registry}.
   */
  static Outcome catchUp(Config config, Properties streamsProperties, int partitions,
      Topics topics,
      Classifier classifier, MeterRegistry registry, Duration quiet, Duration timeout,
      PrintStream out) {
    String bootstrap = streamsProperties.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    String applicationId = streamsProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    AnalyzerOutputs outputs = new AnalyzerOutputs();
    QuietLogger quietLog = QuietLogger.quiet(QuietLogger.LATE_RECORDS);
    // The ordering releases a source's last contacts once it has been quiet for the idle timeout
    // plus the disorder tolerance, and each hop passes that on a marker interval later: wait at
    // least that long without activity before calling the analyzer caught up.
    Duration release = config.get(AnalyzerSettings.IDLE_TIMEOUT)
        .plus(config.get(AnalyzerSettings.DISORDER_TOLERANCE))
        .plus(config.get(AnalyzerSettings.WATERMARK_INTERVAL).multipliedBy(4));
    Duration settle = quiet.compareTo(release) >= 0 ? quiet : release.plus(quiet);
    KafkaStreams streams = new KafkaStreams(AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(config).withSources(partitions), topics, classifier, registry),
        streamsProperties);
    streams.setUncaughtExceptionHandler(e -> {
      out.println("  stream thread failed, replaced as in production: " + e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    try (Admin admin = admin(bootstrap, config.kafkaClients());
        KafkaConsumer<byte[], byte[]> consumer = outputConsumer(bootstrap, config.kafkaClients(),
            topics, admin)) {
      Lag lag = new Lag(admin, applicationId, topics);
      long start = System.nanoTime();
      streams.start();
      long lastActivity = start;
      long lastCheck = 0;
      long lastProgress = start;
      long lagNow = -1;
      boolean settled = false;
      while (System.nanoTime() - start < timeout.toNanos()) {
        if (read(consumer, topics, outputs) > 0) {
          lastActivity = System.nanoTime();
        }
        long now = System.nanoTime();
        if (now - lastCheck >= CHECK_EVERY.toNanos()) {
          lastCheck = now;
          lagNow = lag.total();
          if (lagNow != 0 || streams.state() != KafkaStreams.State.RUNNING) {
            lastActivity = now;
          }
        }
        if (now - lastProgress >= PROGRESS_EVERY.toNanos()) {
          lastProgress = now;
          out.printf(Locale.ROOT, "  catch-up %3.0f s: %s, lag %,d records, %d insights and "
                  + "%,d trend windows read%n", (now - start) / 1e9, streams.state(), lagNow,
              outputs.insights().size(), outputs.trendCounts().size());
        }
        if (now - lastActivity >= settle.toNanos()) {
          settled = true;
          break;
        }
      }
      double seconds = (lastActivity - start) / 1e9;
      long dropped = CatchupReference.droppedRecords(streams.metrics());
      streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
          .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      read(consumer, topics, outputs); // anything committed while closing
      return new Outcome(outputs, seconds, settled, dropped);
    } finally {
      streams.close(Duration.ZERO);
      quietLog.restore();
    }
  }

  /** Reads one poll of output records; returns how many. */
  private static int read(KafkaConsumer<byte[], byte[]> consumer, Topics topics,
      AnalyzerOutputs outputs) {
    int n = 0;
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
      n++;
      if (r.value() == null) {
        continue;
      }
      if (r.topic().equals(topics.insights.name())) {
        outputs.insight((Insight) topics.insights.valueSerde().deserializer()
            .deserialize(r.topic(), r.value()));
      } else if (r.topic().equals(topics.explainedShare.name())) {
        outputs.explained(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
            (ExplainedShare) topics.explainedShare.valueSerde().deserializer()
                .deserialize(r.topic(), r.value()));
      } else {
        outputs.trend(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
            (ReasonTrend) topics.reasonTrends.valueSerde().deserializer()
                .deserialize(r.topic(), r.value()));
      }
    }
    return n;
  }

  /**
   * A read_committed consumer assigned every partition of insights, reason-trends and
   * explained-share.
   */
  private static KafkaConsumer<byte[], byte[]> outputConsumer(String bootstrap,
      KafkaClientProperties clients, Topics topics, Admin admin) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(p),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    consumer.assign(Lag.partitions(admin,
        Set.of(topics.insights.name(), topics.reasonTrends.name(),
            topics.explainedShare.name())));
    return consumer;
  }

  private static Admin admin(String bootstrap, KafkaClientProperties clients) {
    return Admin.create(clients.admin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap, AdminClientConfig.CLIENT_ID_CONFIG, "waarom-bench-catchup")));
  }

  /**
   * The application's lag on its input: over every partition of the contact topics, the
   * read_committed end offset minus the group's committed offset (0 when nothing is committed
   * yet). Its repartition topics are left out: the event-time ordering writes watermark markers
   * into them every second, so their lag is never still; what is in flight there shows as output
   * within the settle time.
   */
  private record Lag(Admin admin, String applicationId, Topics topics) {
    long total() {
      try {
        Set<String> names = admin.listTopics().names().get().stream()
            .filter(n -> topics.contactTopics().stream().anyMatch(t -> t.name().equals(n)))
            .collect(Collectors.toSet());
        List<TopicPartition> partitions = partitions(admin, names);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest,
            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin
            .listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition tp : partitions) {
          OffsetAndMetadata c = committed.get(tp);
          lag += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot read the consumer lag: "
            + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the consumer lag", e);
      }
    }

    static List<TopicPartition> partitions(Admin admin, Set<String> names) {
      try {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(names).allTopicNames().get().values().forEach(d ->
            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(),
                p.partition()))));
        return partitions;
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot describe " + names + ": "
            + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while describing topics", e);
      }
    }
  }
}

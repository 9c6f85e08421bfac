package nl.waarom.analyzer.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics that do not exist yet, so a fresh cluster works without a
 * separate set-up step. Idempotent: existing topics (also ones created concurrently by another
 * service) are left as they are. A failed authentication ends the attempt at once with a message
 * that says so: the same credentials will not be accepted later.
 */
final class TopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
  private static final long TIMEOUT_SECONDS = 60;
  /** Pause before describing topics again that the broker does not know yet. */
  private static final Duration DESCRIBE_PAUSE = Duration.ofMillis(200);

  private TopicCreator() {}

  /**
   * Creates the missing topics and returns the partition count of the contact topics: the number
   * of source tasks of every ordered repartition hop.
   *
   * @throws IllegalStateException when the contact topics differ in partition count, or Kafka
   *     refused the credentials
   */
  static int ensure(String bootstrapServers, KafkaClientProperties clients, Topics topics,
      int partitions, short replication) {
    try (Admin admin = Admin.create(clients.admin(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "waarom-analyzer-topics")))) {
      List<NewTopic> wanted = topics.all().stream()
          .map(t -> newTopic(topics, t.name(), partitions, replication)).toList();
      for (Map.Entry<String, KafkaFuture<Void>> e : admin.createTopics(wanted).values().entrySet()) {
        try {
          e.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          LOG.info("created topic {} (replication {})", e.getKey(), replication);
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + e.getKey() + ": "
                + reason(ex.getCause()), ex.getCause());
          }
        }
      }
      return contactPartitions(admin, topics);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe the contact topics: "
          + reason(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS
          + " s while creating topics at " + bootstrapServers, e);
    }
  }

  /**
   * The topic as created: the taxonomy topic has one partition (one ordered history of versions)
   * and is compacted by version; the corrections topic is kept forever, since it is the audit
   * trail and the analyzer's labelled examples; every other topic gets the cluster's defaults.
   */
  static NewTopic newTopic(Topics topics, String name, int partitions, short replication) {
    if (name.equals(topics.taxonomy.name())) {
      return new NewTopic(name, 1, replication).configs(Map.of("cleanup.policy", "compact"));
    }
    if (name.equals(topics.corrections.name())) {
      return new NewTopic(name, partitions, replication).configs(Map.of("retention.ms", "-1"));
    }
    return new NewTopic(name, partitions, replication);
  }

  private static String reason(Throwable error) {
    String authentication = KafkaAuthentication.message(error);
    return authentication != null ? authentication : error.getMessage();
  }

  /**
   * Describes the contact topics, asking again while the broker answers that it does not know
   * them: right after they were created, the controller has them but the broker answering may
   * not have applied that metadata yet (KRaft propagates it asynchronously), and that is no
   * reason to fail the start. Gives up at the timeout.
   */
  private static int contactPartitions(Admin admin, Topics topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> names = topics.contactTopics().stream().map(t -> t.name()).toList();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    Map<String, TopicDescription> described;
    while (true) {
      try {
        described = admin.describeTopics(names).allTopicNames()
            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        break;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() + DESCRIBE_PAUSE.toNanos() > deadline) {
          throw e;
        }
        LOG.debug("contact topics not known to the broker yet: {}", e.getCause().getMessage());
        Thread.sleep(DESCRIBE_PAUSE.toMillis());
      }
    }
    Map<String, Integer> counts = new java.util.TreeMap<>();
    described.forEach((name, d) -> counts.put(name, d.partitions().size()));
    if (new java.util.HashSet<>(counts.values()).size() != 1) {
      throw new IllegalStateException("the contact topics must have the same partition count "
          + "(the analyzer orders contacts by event time across them): " + counts);
    }
    return counts.values().iterator().next();
  }
}

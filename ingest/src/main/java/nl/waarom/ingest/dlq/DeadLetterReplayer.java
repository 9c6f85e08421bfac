package nl.waarom.ingest.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.dlq.ReplayOutcome.Status;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.webhook.Translation;
import nl.waarom.ingest.webhook.WebhookAdapter;
import nl.waarom.ingest.webhook.WebhookAdapters;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Re-submits the original bytes of dead letters to where they came from:
 *
 * <ul>
 *   <li>a letter that names a topic of the catalogue (e.g. from the analyzer or the insights
 *       sink) goes back to that topic with its original key and value bytes, to be consumed
 *       again once the consumer is fixed;
 *   <li>a letter from a webhook ({@code gateway:<platform>}) is translated by that platform's
 *       adapter and then, like every other letter without a topic ({@code gateway},
 *       {@code replay}, connectors), read as contact JSON with the gateway's validation,
 *       pseudonymisation and redaction, and produced to its channel topic.
 * </ul>
 *
 * A letter that is still invalid, or has no way back, stays in the dead-letter topic and is
 * reported with the reason; nothing new is written to {@code dlq}. Replaying a letter twice
 * produces it twice; contacts are keyed by contactId so downstream can deduplicate. A dry run
 * validates and reports without producing. Not thread-safe.
 */
public final class DeadLetterReplayer {
  private static final int MAX_BATCH = 100_000;

  private final ContactJson json;
  private final TopicProducer producer;
  private final Topics topics;
  private final Duration timeout;

  /** @param producer may be null for dry runs only */
  public DeadLetterReplayer(ContactJson json, TopicProducer producer, Topics topics,
      Duration timeout) {
    this.json = json;
    this.producer = producer;
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * Replays the entries in order.
   *
   * @throws IllegalStateException when Kafka does not acknowledge a record; outcomes so far are
   *     in the message
   */
  public List<ReplayOutcome> replay(List<DeadLetterEntry> entries, boolean dryRun) {
    List<ReplayOutcome> outcomes = new ArrayList<>(entries.size());
    for (DeadLetterEntry e : entries) {
      outcomes.add(replay(e, dryRun));
    }
    return outcomes;
  }

  private ReplayOutcome replay(DeadLetterEntry e, boolean dryRun) {
    String topicName = e.letter().getTopic();
    if (topicName != null) {
      Optional<Topic<String, ?>> original = topics.all().stream()
          .filter(t -> t.name().equals(topicName)).findFirst();
      if (original.isEmpty()) {
        return dead(e, "topic " + topicName + " is not a topic of this installation (prefix "
            + topics.prefix() + ")");
      }
      if (e.letter().getValue() == null) {
        return dead(e, "no original bytes were kept");
      }
      if (!dryRun) {
        send(new Topic<>(topicName, Serdes.ByteArray(), Serdes.ByteArray()), e.key(), e.value());
      }
      return new ReplayOutcome(e, Status.REPLAYED, topicName);
    }
    Validated<List<Contact>> contacts = contacts(e);
    if (contacts == null) {
      return new ReplayOutcome(e, Status.IGNORED, "nothing to produce");
    }
    if (!contacts.isValid()) {
      return dead(e, contacts.describeErrors());
    }
    List<String> targets = new ArrayList<>();
    for (Contact c : contacts.value()) {
      Topic<String, Contact> topic = topics.contactsFor(c.getChannel());
      if (!dryRun) {
        send(topic, c.getContactId(), c);
      }
      targets.add(topic.name());
    }
    return new ReplayOutcome(e, Status.REPLAYED, targets.stream().distinct()
        .collect(Collectors.joining(",")));
  }

  /** The contacts of a letter without a topic; null when it holds nothing to produce. */
  private Validated<List<Contact>> contacts(DeadLetterEntry e) {
    String source = e.letter().getSource();
    if (source.startsWith("gateway:")) {
      Optional<WebhookAdapter> adapter = WebhookAdapters.of(source.substring("gateway:".length()));
      if (adapter.isEmpty()) {
        return Validated.invalid("source", "no webhook adapter for " + source);
      }
      Validated<Translation> t = adapter.get().translate(e.value());
      if (!t.isValid()) {
        return Validated.invalid(t.errors());
      }
      if (t.value().ignored() != null) {
        return null;
      }
      Validated<Contact> c = json.readNode(t.value().contact());
      return c.isValid() ? Validated.valid(List.of(c.value())) : Validated.invalid(c.errors());
    }
    if (e.letter().getValue() == null || e.size() == 0) {
      return Validated.invalid("value", "no original bytes were kept (request "
          + e.origin() + ")");
    }
    return json.readBody(e.value(), MAX_BATCH);
  }

  private <K, V> void send(Topic<K, V> topic, K key, V value) {
    try {
      producer.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge a record for " + topic.name()
          + ": " + (e.getCause() == null ? e : e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying", e);
    }
  }

  private static ReplayOutcome dead(DeadLetterEntry e, String reason) {
    return new ReplayOutcome(e, Status.STILL_DEAD, reason);
  }
}

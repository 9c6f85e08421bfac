package nl.waarom.schemas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue: every topic Waarom reads or writes, with its key and value serdes.
 * The only place in the code base that spells a topic name. The prefix (default {@code waarom.})
 * lets several installations share one cluster. Values are Avro ({@link AvroSerde}): in
 * single-object encoding, or, when the catalogue is given a {@link SchemaRegistryClient}, in the
 * schema-registry wire format under the subjects {@code <topic>-value}.
 *
 * <table>
 *   <caption>Topics</caption>
 *   <tr><th>topic</th><th>key</th><th>value</th></tr>
 *   <tr><td>contacts.chat / .call / .email</td><td>contactId</td><td>{@link Contact}</td></tr>
 *   <tr><td>contacts.classified</td><td>contactId</td><td>{@link ClassifiedContact}</td></tr>
 *   <tr><td>reason-trends</td><td>reasonId|channel|windowMinutes|windowStart</td><td>{@link ReasonTrend}</td></tr>
 *   <tr><td>explained-share</td><td>windowMinutes|windowStart</td><td>{@link ExplainedShare}</td></tr>
 *   <tr><td>insights</td><td>insightId</td><td>{@link Insight}</td></tr>
 *   <tr><td>dlq</td><td>original key or source</td><td>{@link DeadLetter}</td></tr>
 *   <tr><td>taxonomy</td><td>version</td><td>{@link TaxonomySnapshot}</td></tr>
 *   <tr><td>corrections</td><td>contactId</td><td>{@link Correction}</td></tr>
 * </table>
 */
public final class Topics {
  public static final String DEFAULT_PREFIX = "waarom.";
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

  public final Topic<String, Contact> contactsChat;
  public final Topic<String, Contact> contactsCall;
  public final Topic<String, Contact> contactsEmail;
  public final Topic<String, ClassifiedContact> classified;
  public final Topic<String, ReasonTrend> reasonTrends;
  public final Topic<String, ExplainedShare> explainedShare;
  public final Topic<String, Insight> insights;
  public final Topic<String, DeadLetter> deadLetters;
  /** The taxonomy versions the analyzer put in force; one partition, compacted by version. */
  public final Topic<String, TaxonomySnapshot> taxonomy;
  /** Editors' corrections of classified contacts; kept forever (the audit trail). */
  public final Topic<String, Correction> corrections;
  private final String prefix;
  private final SchemaRegistryClient registry; // null: registry-free

  private Topics(String prefix, SchemaRegistryClient registry) {
    this.prefix = prefix;
    this.registry = registry;
    Serde<String> keys = Serdes.String();
    contactsChat = topic("contacts.chat", keys, Contact.class);
    contactsCall = topic("contacts.call", keys, Contact.class);
    contactsEmail = topic("contacts.email", keys, Contact.class);
    classified = topic("contacts.classified", keys, ClassifiedContact.class);
    reasonTrends = topic("reason-trends", keys, ReasonTrend.class);
    explainedShare = topic("explained-share", keys, ExplainedShare.class);
    insights = topic("insights", keys, Insight.class);
    deadLetters = topic("dlq", keys, DeadLetter.class);
    taxonomy = topic("taxonomy", keys, TaxonomySnapshot.class);
    corrections = topic("corrections", keys, Correction.class);
  }

  private <V extends SpecificRecord> Topic<String, V> topic(String name, Serde<String> keys,
      Class<V> type) {
    return new Topic<>(prefix + name, keys, AvroSerde.of(type, prefix + name, registry));
  }

  /** The catalogue with the default prefix {@code waarom.}. */
  public static Topics defaults() {
    return withPrefix(DEFAULT_PREFIX);
  }

  /**
   * The catalogue with another prefix, e.g. {@code acme.waarom.}; may be empty, never null.
   *
   * @throws IllegalArgumentException when the prefix holds characters Kafka does not allow
   */
  public static Topics withPrefix(String prefix) {
    return withPrefix(prefix, null);
  }

  /**
   * The catalogue with another prefix whose values are written in the schema-registry wire format
   * (see {@link AvroSerde}), registered with {@code registry}.
   *
   * @param registry the schema registry; null for the registry-free single-object encoding
   * @throws IllegalArgumentException when the prefix holds characters Kafka does not allow
   */
  public static Topics withPrefix(String prefix, SchemaRegistryClient registry) {
    Objects.requireNonNull(prefix, "prefix");
    if (!LEGAL.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix may only contain letters, digits, '.', '_' and '-': " + prefix);
    }
    return new Topics(prefix, registry);
  }

  public String prefix() {
    return prefix;
  }

  /** The schema registry the values are registered with; empty in registry-free mode. */
  public Optional<SchemaRegistryClient> registry() {
    return Optional.ofNullable(registry);
  }

  /** The topic that carries contacts of this channel; OTHER goes with chat. */
  public Topic<String, Contact> contactsFor(Channel channel) {
    return switch (channel) {
      case CALL -> contactsCall;
      case EMAIL -> contactsEmail;
      case CHAT, OTHER -> contactsChat;
    };
  }

  /** The three channel topics that carry {@link Contact} records. */
  public List<Topic<String, Contact>> contactTopics() {
    return List.of(contactsChat, contactsCall, contactsEmail);
  }

  /** Every topic, in pipeline order. */
  public List<Topic<String, ?>> all() {
    return List.of(contactsChat, contactsCall, contactsEmail, classified, reasonTrends,
        explainedShare, insights, deadLetters, taxonomy, corrections);
  }
}

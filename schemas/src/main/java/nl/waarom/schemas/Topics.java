package nl.waarom.schemas;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue: every topic Waarom reads or writes, with its key and value serdes.
 * The only place in the code base that spells a topic name. The prefix (default {@code waarom.})
 * lets several installations share one cluster.
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
  private final String prefix;

  private Topics(String prefix) {
    this.prefix = prefix;
    Serde<String> keys = Serdes.String();
    contactsChat = new Topic<>(prefix + "contacts.chat", keys, AvroSerde.of(Contact.class));
    contactsCall = new Topic<>(prefix + "contacts.call", keys, AvroSerde.of(Contact.class));
    contactsEmail = new Topic<>(prefix + "contacts.email", keys, AvroSerde.of(Contact.class));
    classified = new Topic<>(prefix + "contacts.classified", keys, AvroSerde.of(ClassifiedContact.class));
    reasonTrends = new Topic<>(prefix + "reason-trends", keys, AvroSerde.of(ReasonTrend.class));
    explainedShare = new Topic<>(prefix + "explained-share", keys,
        AvroSerde.of(ExplainedShare.class));
    insights = new Topic<>(prefix + "insights", keys, AvroSerde.of(Insight.class));
    deadLetters = new Topic<>(prefix + "dlq", keys, AvroSerde.of(DeadLetter.class));
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
    Objects.requireNonNull(prefix, "prefix");
    if (!LEGAL.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix may only contain letters, digits, '.', '_' and '-': " + prefix);
    }
    return new Topics(prefix);
  }

  public String prefix() {
    return prefix;
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
        explainedShare, insights, deadLetters);
  }
}

package nl.waarom.analyzer.classify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of a contact document that rules can search. */
public final class Fields {
  /**
   * All turns of the contact (customer, agent, bot, system) and its subject; the default field of
   * a rule.
   */
  public static final String ANY = "any";
  /** The customer's turns only. */
  public static final String CUSTOMER = "customer";
  /** The agent's turns only. */
  public static final String AGENT = "agent";
  /**
   * Where the reason is usually stated: the customer's first two turns, or for a call the
   * customer's turns that start in the first {@link #FIRST_CALL_MILLIS} ms.
   */
  public static final String FIRST = "first";
  /**
   * An e-mail's subject (empty for other channels, and when the subject is also the text of a
   * turn). Also part of {@link #ANY}.
   */
  public static final String SUBJECT = "subject";
  /** Keyword: the channel in lower case, {@code chat}, {@code call} or {@code email}. */
  public static final String CHANNEL = "channel";
  /** Keyword: the contact's language as used for analysis, {@code nl} or {@code en}. */
  public static final String LANG = "lang";

  /** Fields with analysed text, default first. */
  public static final List<String> TEXT = List.of(ANY, CUSTOMER, AGENT, FIRST, SUBJECT);
  /** Every field a rule may name. */
  public static final List<String> ALL = List.of(ANY, CUSTOMER, AGENT, FIRST, SUBJECT, CHANNEL,
      LANG);
  /** The values a keyword field can have; a rule asking for another value can never match. */
  public static final Map<String, Set<String>> KEYWORD_VALUES = Map.of(
      CHANNEL, Set.of("chat", "call", "email"),
      LANG, Set.of("nl", "en"));

  /** How many customer turns {@link #FIRST} holds for chat and email. */
  public static final int FIRST_TURNS = 2;
  /** How much of a call {@link #FIRST} holds. */
  public static final long FIRST_CALL_MILLIS = 60_000;

  private Fields() {}
}

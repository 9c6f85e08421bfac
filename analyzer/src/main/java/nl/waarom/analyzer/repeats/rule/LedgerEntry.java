package nl.waarom.analyzer.repeats.rule;

import java.util.List;

/**
 * What the repeat ledger remembers of one contact of a customer, and what it decided about it.
 * Immutable; stored as JSON in the {@code repeat-ledger} store.
 *
 * @param contactId never null
 * @param primary primary reason id; null when the contact was unexplained
 * @param secondaries secondary reason ids; never null
 * @param occurredAt event time, epoch millis
 * @param channel channel name; never null
 * @param outcome what the ledger decided; never null
 * @param repeatOf the contact this one was reported as a repeat of; null unless outcome is REPEAT
 * @param chain the first contact of the conversation this contact belongs to: itself, the first
 *     contact it repeats, or (for a transfer) the previous contact's chain; never null
 */
public record LedgerEntry(String contactId, String primary, List<String> secondaries,
    long occurredAt, String channel, Outcome outcome, Ref repeatOf, Ref chain) {

  public LedgerEntry {
    secondaries = List.copyOf(secondaries);
  }

  /** Whether this contact was about {@code reasonId} (as primary or secondary reason). */
  public boolean mentions(String reasonId) {
    return reasonId.equals(primary) || secondaries.contains(reasonId);
  }

  /** This contact as the first of a chain. */
  public Ref self() {
    return new Ref(contactId, occurredAt, channel);
  }

  /**
   * A contact referred to by another.
   *
   * @param contactId never null
   * @param occurredAt epoch millis
   * @param channel channel name; never null
   */
  public record Ref(String contactId, long occurredAt, String channel) { }

  /** The ledger's decision about a contact. */
  public enum Outcome {
    /** The first contact of a chain about its reason. */
    FIRST,
    /** Same customer, same reason, within the repeat window of an earlier contact. */
    REPEAT,
    /** Within the transfer gap of the customer's previous contact: the same conversation. */
    TRANSFER,
    /** No reason: never a repeat, but remembered for the transfer gap. */
    UNEXPLAINED
  }
}

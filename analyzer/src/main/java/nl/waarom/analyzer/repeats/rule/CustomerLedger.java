package nl.waarom.analyzer.repeats.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.waarom.analyzer.repeats.rule.LedgerEntry.Outcome;
import nl.waarom.analyzer.repeats.rule.LedgerEntry.Ref;

/**
 * One customer's recent contacts, oldest first, and the repeat rule applied to a new one.
 * Immutable; stored as JSON in the {@code repeat-ledger} store.
 *
 * <p>The rule, for a new contact at time t with primary reason p:
 * <ol>
 *   <li>If the customer's previous contact (the latest at or before t) is at most the transfer
 *       gap before t, the new contact is a TRANSFER: the same conversation, never a repeat. It
 *       joins the previous contact's chain.</li>
 *   <li>Otherwise an unexplained contact (no p) is UNEXPLAINED: never a repeat.</li>
 *   <li>Otherwise it is a REPEAT when an earlier contact in [t - window, t] mentioned p, as its
 *       primary or as one of its secondary reasons (a customer who raised p beside something else
 *       and comes back about p tells that story twice; this also absorbs the classifier swapping
 *       primary and secondary between two contacts). Channels do not matter. It is attributed to
 *       the first contact of the matching contact's chain; when several earlier contacts match,
 *       to the chain that started first. A chain can so outlast one window (A, then B 5 days
 *       later, then C 5 days after B: C repeats A), which is what "the customer had to tell the
 *       story a third time" means.</li>
 *   <li>Otherwise it is the FIRST contact of a new chain.</li>
 * </ol>
 * Only contacts at or before t are looked at, so a contact arriving late is judged against what
 * happened before it, and nothing already decided about later contacts is rewritten.
 *
 * <p>Part of the analyzer's classification library: the analyzer's repeat ledger and the sink's
 * re-score apply this one rule, so a re-scored period counts repeats as the analyzer does.
 *
 * @param entries never null, sorted by occurredAt then contactId
 */
public record CustomerLedger(List<LedgerEntry> entries) {
  private static final Comparator<LedgerEntry> ORDER = Comparator
      .comparingLong(LedgerEntry::occurredAt).thenComparing(LedgerEntry::contactId);

  public CustomerLedger {
    entries = entries.stream().sorted(ORDER).toList();
  }

  /** A customer without contacts. */
  public static CustomerLedger empty() {
    return new CustomerLedger(List.of());
  }

  /** The entry of an already judged contact. */
  public Optional<LedgerEntry> find(String contactId) {
    return entries.stream().filter(e -> e.contactId().equals(contactId)).findFirst();
  }

  /**
   * Judges a contact not yet in this ledger.
   *
   * @param primary primary reason id; null when unexplained
   * @param secondaries never null
   * @return the new contact's entry with the decision; add it with {@link #with}
   */
  public LedgerEntry judge(String contactId, String primary, List<String> secondaries,
      long occurredAt, String channel, RepeatRule options) {
    LedgerEntry previous = null;
    for (LedgerEntry e : entries) {
      if (e.occurredAt() <= occurredAt) {
        previous = e;
      }
    }
    Ref self = new Ref(contactId, occurredAt, channel);
    if (previous != null
        && occurredAt - previous.occurredAt() <= options.transferGap().toMillis()) {
      return new LedgerEntry(contactId, primary, secondaries, occurredAt, channel,
          Outcome.TRANSFER, null, previous.chain());
    }
    if (primary == null) {
      return new LedgerEntry(contactId, null, secondaries, occurredAt, channel,
          Outcome.UNEXPLAINED, null, self);
    }
    long from = occurredAt - options.window().toMillis();
    Optional<Ref> first = entries.stream()
        .filter(e -> e.occurredAt() >= from && e.occurredAt() <= occurredAt && e.mentions(primary))
        .map(LedgerEntry::chain)
        .min(Comparator.comparingLong(Ref::occurredAt).thenComparing(Ref::contactId));
    return first.map(root -> new LedgerEntry(contactId, primary, secondaries, occurredAt, channel,
            Outcome.REPEAT, root, root))
        .orElseGet(() -> new LedgerEntry(contactId, primary, secondaries, occurredAt, channel,
            Outcome.FIRST, null, self));
  }

  /** This ledger with one entry added. */
  public CustomerLedger with(LedgerEntry entry) {
    List<LedgerEntry> next = new ArrayList<>(entries);
    next.add(entry);
    return new CustomerLedger(next);
  }

  /** This ledger without entries that occurred before {@code horizon}. */
  public CustomerLedger from(long horizon) {
    return entries.stream().allMatch(e -> e.occurredAt() >= horizon) ? this
        : new CustomerLedger(entries.stream().filter(e -> e.occurredAt() >= horizon).toList());
  }

  /** Time of the newest entry; Long.MIN_VALUE when empty. */
  public long newest() {
    return entries.isEmpty() ? Long.MIN_VALUE : entries.get(entries.size() - 1).occurredAt();
  }
}

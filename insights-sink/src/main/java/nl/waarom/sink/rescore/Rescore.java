package nl.waarom.sink.rescore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.analyzer.repeats.rule.CustomerLedger;
import nl.waarom.analyzer.repeats.rule.LedgerEntry;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.schemas.Contact;
import nl.waarom.sink.db.RescoreStore;

/**
 * One re-score of a period, fed the kept contacts in event-time order ({@link #accept}): each
 * contact is classified anew (or keeps an editor's correction, or, without words, the reason it
 * was classified with then), its customer's repeats are judged by the analyzer's own repeat rule
 * ({@link CustomerLedger}), and the contacts of the period are counted per reason, channel and
 * 1- and 60-minute window as the analyzer's trends count them: a repeat is counted back into the
 * 60-minute window of the first contact of its chain, under the repeat's reason and that contact's
 * channel. Contacts read before the period (one repeat window) only build the chains; contacts
 * after it (up to one repeat window) only add repeats. 1-minute windows are handed out as soon as
 * the contacts read have passed them; the 60-minute windows and the tally at {@link #finish}. Not
 * thread-safe.
 */
public final class Rescore {
  /** The reason of contacts no reason explained, as the trends spell it. */
  public static final String UNEXPLAINED = "unexplained";
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final int PRUNE_EVERY = 10_000;

  private record Key(String reasonId, String channel, long start) {}

  private static final class Counts {
    long count;
    long handleCount;
    long handleMillis;
    long repeats;
    long sentimentCount;
    long negativeCount;
    long callbacks;
  }

  private final Instant from;
  private final Instant to;
  private final Function<Contact, Classification> classifier;
  private final Set<String> reasons;
  private final RepeatRule rule;
  private final Consumer<List<RescoreStore.Window>> minutesDone;
  private final TreeMap<Long, Map<Key, Counts>> minutes = new TreeMap<>();
  private final Map<Key, Counts> hours = new HashMap<>();
  private final Map<String, CustomerLedger> ledgers = new HashMap<>();
  private long read;
  private long rescored;
  private long kept;
  private long changed;
  private long corrected;
  private long last = Long.MIN_VALUE;

  /**
   * @param from the period's start (inclusive)
   * @param to the period's end (exclusive)
   * @param classifier the classifier of the taxonomy version re-scored under; never null
   * @param reasons the reason ids of that version: a correction to another reason does not apply
   * @param rule the repeat rule of the analyzer (WAAROM_REPEAT_WINDOW, _TRANSFER_GAP)
   * @param minutesDone receives 1-minute windows once no later contact can add to them
   */
  public Rescore(Instant from, Instant to, Function<Contact, Classification> classifier,
      Set<String> reasons, RepeatRule rule, Consumer<List<RescoreStore.Window>> minutesDone) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty period: " + from + " to " + to);
    }
    this.from = from;
    this.to = to;
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.reasons = Set.copyOf(reasons);
    this.rule = rule;
    this.minutesDone = minutesDone;
  }

  /** The contacts to read: one repeat window before the period to one after it. */
  public static Instant[] readRange(Instant from, Instant to, Duration repeatWindow) {
    return new Instant[] {from.minus(repeatWindow), to.plus(repeatWindow)};
  }

  /**
   * The next contact, in event-time order (occurredAt, then contactId).
   *
   * @throws IllegalArgumentException when it is out of order
   */
  public void accept(RescoreStore.Contact contact) {
    long at = contact.occurredAt().toEpochMilli();
    if (at < last) {
      throw new IllegalArgumentException("contacts out of event-time order at "
          + contact.contactId());
    }
    last = at;
    read++;
    boolean inPeriod = !contact.occurredAt().isBefore(from) && contact.occurredAt().isBefore(to);
    List<String> ids = reasonsOf(contact, inPeriod);
    if (ids == null) {
      return; // neither words nor a classification: nothing to count it under
    }
    String primary = ids.isEmpty() ? null : ids.get(0);
    if (inPeriod) {
      if (!Objects.equals(primary, contact.classified() ? contact.primary() : null)) {
        changed++;
      }
      count(contact, primary, at);
      flushMinutesBefore(at - at % MINUTE);
    }
    judgeRepeat(contact, primary, ids, at);
    if (read % PRUNE_EVERY == 0) {
      long horizon = at - rule.window().toMillis();
      ledgers.values().removeIf(l -> l.newest() < horizon);
    }
  }

  /** The reason ids of the contact under the new version, primary first; null to skip it. */
  private List<String> reasonsOf(RescoreStore.Contact contact, boolean inPeriod) {
    if (contact.corrected() && (contact.correctedReason() == null
        || reasons.contains(contact.correctedReason()))) {
      if (inPeriod) {
        corrected++;
      }
      return contact.correctedReason() == null ? List.of() : List.of(contact.correctedReason());
    }
    if (contact.words() != null) {
      if (inPeriod) {
        rescored++;
      }
      List<String> ids = new ArrayList<>();
      for (ReasonScore s : classifier.apply(contact.words().contact()).reasons()) {
        ids.add(s.reasonId());
      }
      return ids;
    }
    if (!contact.classified()) {
      return null;
    }
    if (inPeriod) {
      kept++;
    }
    List<String> ids = new ArrayList<>();
    if (contact.primary() != null) {
      ids.add(contact.primary());
      ids.addAll(contact.secondaries());
    }
    return ids;
  }

  private void count(RescoreStore.Contact contact, String primary, long at) {
    String reason = primary == null ? UNEXPLAINED : primary;
    for (Counts c : List.of(
        minutes.computeIfAbsent(at - at % MINUTE, k -> new HashMap<>())
            .computeIfAbsent(new Key(reason, contact.channel(), at - at % MINUTE),
                k -> new Counts()),
        hours.computeIfAbsent(new Key(reason, contact.channel(), at - at % HOUR),
            k -> new Counts()))) {
      c.count++;
      if (contact.handleMillis() != null) {
        c.handleCount++;
        c.handleMillis += contact.handleMillis();
      }
      if (contact.callbackRequested()) {
        c.callbacks++;
      }
      if (contact.customerNegative() != null) {
        c.sentimentCount++;
        if (contact.customerNegative()) {
          c.negativeCount++;
        }
      }
    }
  }

  private void judgeRepeat(RescoreStore.Contact contact, String primary, List<String> ids,
      long at) {
    String customer = contact.customerKey();
    if (customer == null || customer.isBlank()) {
      return;
    }
    CustomerLedger ledger = ledgers.getOrDefault(customer, CustomerLedger.empty());
    LedgerEntry entry = ledger.judge(contact.contactId(), primary,
        ids.size() > 1 ? ids.subList(1, ids.size()) : List.of(), at, contact.channel(), rule);
    ledgers.put(customer, ledger.with(entry).from(at - rule.window().toMillis()));
    if (entry.outcome() == LedgerEntry.Outcome.REPEAT) {
      LedgerEntry.Ref root = entry.repeatOf();
      if (root.occurredAt() >= from.toEpochMilli() && root.occurredAt() < to.toEpochMilli()) {
        hours.computeIfAbsent(new Key(primary, root.channel(),
            root.occurredAt() - root.occurredAt() % HOUR), k -> new Counts()).repeats++;
      }
    }
  }

  private void flushMinutesBefore(long minute) {
    List<RescoreStore.Window> done = new ArrayList<>();
    for (Iterator<Map.Entry<Long, Map<Key, Counts>>> it = minutes.headMap(minute).entrySet()
        .iterator(); it.hasNext(); ) {
      it.next().getValue().forEach((k, c) -> done.add(window(k, 1, c)));
      it.remove();
    }
    if (!done.isEmpty()) {
      minutesDone.accept(done);
    }
  }

  /**
   * After the last contact: hands out the remaining 1-minute windows and returns the 60-minute
   * windows.
   */
  public List<RescoreStore.Window> finish() {
    flushMinutesBefore(Long.MAX_VALUE);
    List<RescoreStore.Window> result = new ArrayList<>();
    hours.forEach((k, c) -> result.add(window(k, 60, c)));
    return result;
  }

  /** What was read and done so far. */
  public RescoreStore.Tally tally() {
    return new RescoreStore.Tally(read, rescored, kept, changed, corrected);
  }

  private static RescoreStore.Window window(Key k, int minutes, Counts c) {
    return new RescoreStore.Window(k.reasonId(), k.channel(), minutes,
        Instant.ofEpochMilli(k.start()), c.count, c.handleCount, c.handleMillis, c.repeats,
        c.sentimentCount, c.negativeCount, c.callbacks);
  }
}

package nl.waarom.analyzer.repeats;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.waarom.analyzer.repeats.rule.CustomerLedger;
import nl.waarom.analyzer.repeats.rule.LedgerEntry;
import nl.waarom.analyzer.repeats.rule.LedgerEntry.Outcome;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.analyzer.streams.order.Marker;
import nl.waarom.analyzer.streams.order.OrderTime;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks classified contacts that repeat an earlier contact of the same customer (rule:
 * {@link CustomerLedger}). Input: classified contacts keyed and partitioned by customerKey (by
 * contactId when they have none), timestamps = occurredAt. Output: the same contacts keyed by
 * contactId, with repeatOf, repeatOfOccurredAt and repeatOfChannel set on repeats; every input
 * contact comes out exactly once, in input order.
 *
 * <p>State: {@link #STORE} (customerKey → {@link CustomerLedger}), changelogged. A contact
 * already in the ledger (a replay or redelivery) gets the decision stored for it, so replays
 * give the same output. Retention: entries older than event time − (window + lateness) are
 * pruned when their customer is next seen, and by a sweep every {@link #SWEEP_INTERVAL} of
 * event time. "Event time" is the latest time of the ordered input: the contacts and the ticks
 * of the by-customer ordering ({@link nl.waarom.analyzer.streams.order.Marker#isTick}), not the
 * task's stream time, which races ahead of the ordered contacts in a catch-up.
 *
 * <p>Late contacts: a contact that occurred before event time − lateness may have lost the
 * history it should be judged against; it passes through unmarked, is not remembered, and is
 * counted as {@code outcome=too-late}. Contacts without customerKey pass through unmarked and
 * are counted as {@code outcome=no-customer}; they need no state.
 *
 * <p>Not thread-safe: Kafka Streams creates one instance per task.
 */
public final class RepeatLedger
    implements Processor<String, ClassifiedContact, String, ClassifiedContact> {
  /** Store: customerKey → {@link CustomerLedger}. */
  public static final String STORE = "repeat-ledger";
  /**
   * Counter of contacts seen by the ledger; tag {@code outcome}: first, repeat, transfer,
   * unexplained, no-customer, too-late or replayed.
   */
  public static final String METRIC = "waarom.analyzer.repeat.ledger";
  /** How often (event time) customers not seen lately are swept out of the store. */
  public static final Duration SWEEP_INTERVAL = Duration.ofHours(6);

  private final RepeatOptions options;
  private final MeterRegistry registry;
  private ProcessorContext<String, ClassifiedContact> context;
  private KeyValueStore<String, CustomerLedger> store;
  /** The latest event time of the ordered input; not persisted (the next tick restores it). */
  private long time = Long.MIN_VALUE;
  private long sweptAt = Long.MIN_VALUE;

  public RepeatLedger(RepeatOptions options, MeterRegistry registry) {
    this.options = options;
    this.registry = registry;
  }

  /** The ledger's supplier, with its store {@link #STORE} (JSON {@link CustomerLedger}s). */
  public static ProcessorSupplier<String, ClassifiedContact, String, ClassifiedContact> supplier(
      RepeatOptions options, MeterRegistry registry) {
    return WithStores.of(() -> new RepeatLedger(options, registry),
        StateStores.json(STORE, CustomerLedger.class));
  }

  /** The key contacts are partitioned by: customerKey, or contactId when there is none. */
  public static String partitionKey(ClassifiedContact contact) {
    String customer = contact.getCustomerKey();
    return customer == null || customer.isBlank() ? contact.getContactId() : customer;
  }

  @Override
  public void init(ProcessorContext<String, ClassifiedContact> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  /** Moves event time to {@code at}, sweeping every {@link #SWEEP_INTERVAL} of it. */
  private void advance(long at) {
    time = Math.max(time, at);
    long interval = SWEEP_INTERVAL.toMillis();
    if (sweptAt == Long.MIN_VALUE) {
      sweptAt = Math.floorDiv(time, interval) * interval;
    } else if (time - sweptAt >= interval) {
      sweptAt = Math.floorDiv(time, interval) * interval;
      sweep(time);
    }
  }

  @Override
  public void process(Record<String, ClassifiedContact> record) {
    ClassifiedContact contact = record.value();
    if (contact == null) {
      if (Marker.isTick(record.key())) {
        advance(record.timestamp());
      }
      return;
    }
    String customer = contact.getCustomerKey();
    if (customer == null || customer.isBlank()) {
      forward(record, contact, "no-customer");
      return;
    }
    long at = contact.getOccurredAt().toEpochMilli();
    advance(OrderTime.of(record));
    long now = time;
    CustomerLedger ledger = store.get(customer);
    ledger = ledger == null ? CustomerLedger.empty() : ledger;
    LedgerEntry known = ledger.find(contact.getContactId()).orElse(null);
    if (known != null) {
      forward(record, mark(contact, known), "replayed");
      return;
    }
    if (at < now - options.lateness().toMillis()) {
      forward(record, contact, "too-late");
      return;
    }
    List<ReasonMatch> reasons = contact.getUnexplained() ? List.of() : contact.getReasons();
    List<String> secondaries = new ArrayList<>();
    for (int i = 1; i < reasons.size(); i++) {
      secondaries.add(reasons.get(i).getReasonId());
    }
    LedgerEntry entry = ledger.judge(contact.getContactId(),
        reasons.isEmpty() ? null : reasons.get(0).getReasonId(), secondaries, at,
        contact.getChannel().name(), options.rule());
    store.put(customer, ledger.with(entry).from(horizon(now)));
    forward(record, mark(contact, entry), entry.outcome().name().toLowerCase(Locale.ROOT));
  }

  private long horizon(long streamTime) {
    return streamTime - options.ledgerRetention().toMillis();
  }

  private static ClassifiedContact mark(ClassifiedContact contact, LedgerEntry entry) {
    if (entry.outcome() != Outcome.REPEAT) {
      return contact;
    }
    return ClassifiedContact.newBuilder(contact)
        .setRepeatOf(entry.repeatOf().contactId())
        .setRepeatOfOccurredAt(Instant.ofEpochMilli(entry.repeatOf().occurredAt()))
        .setRepeatOfChannel(Channel.valueOf(entry.repeatOf().channel()))
        .build();
  }

  private void forward(Record<String, ClassifiedContact> record, ClassifiedContact contact,
      String outcome) {
    registry.counter(METRIC, "outcome", outcome).increment();
    context.forward(record.withKey(contact.getContactId()).withValue(contact));
  }

  /** Drops customers whose newest contact is beyond the retention, trims the others. */
  private void sweep(long streamTime) {
    long horizon = horizon(streamTime);
    List<KeyValue<String, CustomerLedger>> changes = new ArrayList<>();
    try (KeyValueIterator<String, CustomerLedger> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, CustomerLedger> next = all.next();
        CustomerLedger kept = next.value.from(horizon);
        if (kept != next.value) {
          changes.add(KeyValue.pair(next.key, kept.entries().isEmpty() ? null : kept));
        }
      }
    }
    changes.forEach(change -> store.put(change.key, change.value));
  }
}

package nl.waarom.analyzer.emerging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.waarom.analyzer.streams.EmittedOnce;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Looks for new reasons among unexplained contacts. Input: unexplained classified contacts (all
 * on one partition, keyed {@code unexplained}), event-time timestamps. Output: EMERGING_REASON
 * insights keyed by their id.
 *
 * <p>Each contact goes into {@link #RECENT_STORE} (the foreground); at the first contact of a new
 * window ({@link EmergingOptions#window()}) the detector evaluates the foreground that ends at
 * that window's start: contacts older than the foreground move into the decayed background
 * ({@link #BACKGROUND_STORE}, {@link BackgroundStore}), the rest are searched for candidates
 * ({@link CandidateFinder}) once the background holds {@code minBackground} contacts, and each
 * candidate not reported yet is emitted ({@link EmergingInsights}).
 *
 * <p>At most once: {@link #EMITTED_STORE} remembers what fired (id → {@link EmittedCandidate}) for
 * {@link #EMITTED_RETENTION} of event time since it fired. A candidate fires at most once per UTC day: its id has the
 * day, and a candidate that shares its strongest terms or its contacts with one that fired, or
 * whose contacts that one's drafted rule catches, is the same one
 * ({@link EmittedCandidate#sameAs}). On a later day it fires again only when it has grown to
 * {@link #GROWTH_TO_REFIRE} × the contacts it had when it last fired; that insight inherits the
 * earlier terms and rules, so variants of the same reason do not fire separately that day.
 *
 * <p>Late contacts: one in the foreground counts in the next evaluations; an older one goes
 * straight into the background; one older than the background span is ignored and counted in
 * the {@link #TOO_LATE_METRIC} counter. State is bounded: {@code maxRecent} recent contacts (each
 * at most 64 terms of at most 48 characters plus its snippet: about 3 KB, so 15 MB at the default
 * 5,000; a 2-hour foreground at 200 unexplained contacts an hour holds 400), {@code vocabularyCap}
 * background terms ({@link BackgroundStore}), emitted ids of two days, one progress record
 * ({@link #PROGRESS_STORE}); the recent contacts and the background terms read are also held in
 * memory, to spare JSON parsing. All stores are persistent and changelogged. Not thread-safe: one
 * instance per stream task, as Kafka Streams uses processors.
 */
public final class EmergingDetector
    implements Processor<String, ClassifiedContact, String, Insight> {
  /** Store: zero-padded event time|contactId → {@link RecentContact}. */
  public static final String RECENT_STORE = "emerging-recent";
  /** Store: term → {@link BackgroundWeight}, plus the reserved total and floor keys. */
  public static final String BACKGROUND_STORE = "emerging-background";
  /** Store: insight id → {@link EmittedCandidate}. */
  public static final String EMITTED_STORE = "emerging-emitted";
  /** Store: {@link #PROGRESS_KEY} → {@link EmergingProgress}. */
  public static final String PROGRESS_STORE = "emerging-progress";
  /** Counter of unexplained contacts older than the background span on arrival. */
  public static final String TOO_LATE_METRIC = "waarom.analyzer.emerging.too.late";
  /** How long emitted ids are remembered: long enough for "same day" and "the day after". */
  public static final Duration EMITTED_RETENTION = Duration.ofDays(2);
  static final String PROGRESS_KEY = "progress";
  /**
   * A candidate reported on an earlier day is reported again only with at least this multiple
   * of the contacts it had then.
   */
  public static final double GROWTH_TO_REFIRE = 1.5;

  private final EmergingOptions options;
  private final CandidateFinder finder;
  private final EmergingInsights insights;
  private final Counter tooLate;
  private ProcessorContext<String, Insight> context;
  private KeyValueStore<String, RecentContact> recent;
  /** In-memory copy of {@link #RECENT_STORE}, oldest first, so evaluating parses no JSON. */
  private final TreeMap<String, RecentContact> recentCopy = new TreeMap<>();
  private EmittedOnce<EmittedCandidate> emitted;
  private KeyValueStore<String, EmergingProgress> progressStore;
  private BackgroundStore background;
  private EmergingProgress progress;

  /**
   * The detector's supplier, with its stores, all JSON: {@link #RECENT_STORE},
   * {@link #BACKGROUND_STORE}, {@link #EMITTED_STORE} and {@link #PROGRESS_STORE}.
   */
  public static ProcessorSupplier<String, ClassifiedContact, String, Insight> supplier(
      EmergingOptions options, MeterRegistry registry) {
    return WithStores.of(() -> new EmergingDetector(options, registry.counter(TOO_LATE_METRIC)),
        StateStores.json(RECENT_STORE, RecentContact.class),
        StateStores.json(BACKGROUND_STORE, BackgroundWeight.class),
        StateStores.json(EMITTED_STORE, EmittedCandidate.class),
        StateStores.json(PROGRESS_STORE, EmergingProgress.class));
  }

  public EmergingDetector(EmergingOptions options, Counter tooLate) {
    this.options = options;
    this.finder = new CandidateFinder(options);
    this.insights = new EmergingInsights(options);
    this.tooLate = tooLate;
  }

  @Override
  public void init(ProcessorContext<String, Insight> context) {
    this.context = context;
    this.recent = context.getStateStore(RECENT_STORE);
    recentCopy.clear(); // a revived task starts from its restored stores
    try (KeyValueIterator<String, RecentContact> all = recent.all()) {
      all.forEachRemaining(kv -> recentCopy.put(kv.key, kv.value));
    }
    this.emitted = new EmittedOnce<>(context.getStateStore(EMITTED_STORE), EMITTED_RETENTION,
        (id, candidate) -> candidate.detectedAt());
    this.progressStore = context.getStateStore(PROGRESS_STORE);
    EmergingProgress stored = progressStore.get(PROGRESS_KEY);
    this.progress = stored == null ? EmergingProgress.START : stored;
    this.background = new BackgroundStore(context.getStateStore(BACKGROUND_STORE), options);
  }

  @Override
  public void process(Record<String, ClassifiedContact> record) {
    ClassifiedContact contact = record.value();
    if (contact == null) {
      return;
    }
    long time = record.timestamp();
    EmergingProgress progress = this.progress;
    if (progress.streamTime() != Long.MIN_VALUE
        && time < progress.streamTime() - options.background().toMillis()) {
      tooLate.increment();
      return;
    }
    long size = options.window().toMillis();
    long window = Math.floorDiv(time, size) * size;
    progress = progress.withStreamTime(time);
    background.at(progress.streamTime(), progress.vocabulary());
    if (progress.evaluatedWindow() == Long.MIN_VALUE) {
      progress = progress.withEvaluatedWindow(window);
    } else if (window > progress.evaluatedWindow()) {
      progress = evaluate(window, progress).withEvaluatedWindow(window);
    }
    progress = remember(RecentContact.of(contact, time), progress);
    this.progress = progress.withVocabulary(background.vocabulary());
    progressStore.put(PROGRESS_KEY, this.progress);
  }

  /** Adds a contact to the foreground, or to the background when it is older than that. */
  private EmergingProgress remember(RecentContact contact, EmergingProgress progress) {
    if (contact.occurredAt() < progress.streamTime() - options.foreground().toMillis()) {
      background.add(contact);
      return progress;
    }
    String key = contact.key();
    int count = progress.recent() + (recentCopy.containsKey(key) ? 0 : 1);
    recent.put(key, contact);
    recentCopy.put(key, contact);
    if (count > options.maxRecent()) {
      count -= moveToBackground(Long.MAX_VALUE, count - options.maxRecent()).size();
    }
    return progress.withRecent(count);
  }

  /**
   * Moves the oldest recent contacts (before {@code before}, at most {@code max}) into the
   * background.
   *
   * @return the keys moved
   */
  private List<String> moveToBackground(long before, int max) {
    List<String> old = new ArrayList<>();
    for (Map.Entry<String, RecentContact> e : recentCopy.entrySet()) {
      if (old.size() >= max || e.getValue().occurredAt() >= before) {
        break;
      }
      old.add(e.getKey());
    }
    for (String key : old) {
      recent.delete(key);
      background.add(recentCopy.remove(key));
    }
    return old;
  }

  private EmergingProgress evaluate(long end, EmergingProgress progress) {
    long start = end - options.foreground().toMillis();
    int moved = moveToBackground(start, Integer.MAX_VALUE).size();
    progress = progress.withRecent(progress.recent() - moved);
    emitted.prune(progress.streamTime());
    if (background.total() < options.minBackground()) {
      return progress;
    }
    List<RecentContact> foreground = new ArrayList<>();
    for (RecentContact c : recentCopy.values()) {
      if (c.occurredAt() >= end) {
        break;
      }
      foreground.add(c);
    }
    for (Candidate candidate : finder.find(foreground, background)) {
      emitOnce(candidate, foreground.size(), start, end, progress.streamTime());
    }
    return progress;
  }

  /**
   * Emits the candidate unless it was reported today, or on an earlier day with at least
   * 1/{@link #GROWTH_TO_REFIRE} of today's contacts.
   */
  private void emitOnce(Candidate candidate, int foregroundSize, long start, long end, long now) {
    Instant windowEnd = Instant.ofEpochMilli(end);
    String id = EmergingInsights.insightId(candidate, windowEnd);
    String day = EmergingInsights.day(windowEnd);
    long count = candidate.contacts().size();
    if (emitted.contains(id)) {
      return;
    }
    List<List<List<String>>> rules = new ArrayList<>();
    rules.add(candidate.rule().clauses());
    List<String> terms = new ArrayList<>(candidate.candidateTerms().stream().limit(5).toList());
    for (EmittedCandidate before : emitted.values()) {
      if (before.sameAs(candidate, options.minOverlap())) {
        if (before.day().equals(day) || count < GROWTH_TO_REFIRE * before.count()) {
          return;
        }
        before.rules().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        before.terms().stream().filter(t -> !terms.contains(t)).forEach(terms::add);
      }
    }
    List<String> contactIds = candidate.contacts().stream().map(RecentContact::contactId)
        .limit(EmittedCandidate.MAX_CONTACT_IDS).toList();
    emitted.remember(id, new EmittedCandidate(terms.stream().limit(EmittedCandidate.MAX_TERMS).toList(),
        contactIds, rules.stream().limit(EmittedCandidate.MAX_RULES).toList(), count, day, now));
    Insight insight = insights.insight(candidate, foregroundSize, Instant.ofEpochMilli(start),
        windowEnd, Instant.ofEpochMilli(now));
    context.forward(new Record<>(id, insight, now));
  }
}

package nl.waarom.analyzer.emerging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.waarom.analyzer.insight.InsightCosts;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.SignalKind;

/**
 * Builds the EMERGING_REASON {@link Insight} of a candidate. Stateless apart from its options.
 *
 * <p>Figures: {@code count} is the candidate's foreground contacts; {@code baseline} is the
 * background's expectation of contacts the drafted rule catches in a foreground of this size, an
 * upper bound (the foreground size × the smallest, over the rule's clauses, of the summed
 * background shares of the clause's terms); {@code growthRate} compares the hourly rate of the
 * newer half of the foreground with the older half, {@code (now − before) / max(before, 1/h)}
 * (1.0 = doubled); {@code weeklyVolume} assumes the foreground's hourly rate holds for
 * {@link #ACTIVE_HOURS_PER_WEEK} hours a week (office hours: a new reason is not a one-minute
 * spike, but nights and weekends are quiet).
 */
public final class EmergingInsights {
  /** Hours a week the candidate's recent rate is assumed to hold: 5 days × 10 hours. */
  public static final double ACTIVE_HOURS_PER_WEEK = 50.0;
  /** Example contacts per insight. */
  public static final int MAX_EXAMPLES = 5;

  private final EmergingOptions options;

  public EmergingInsights(EmergingOptions options) {
    this.options = options;
  }

  /** {@code emerging:<sorted top-2 terms joined by +>:<UTC day>}. */
  public static String insightId(Candidate candidate, Instant at) {
    return "emerging:" + candidate.signature() + ":" + day(at);
  }

  static String day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /**
   * The insight of a candidate found in the foreground {@code [start, end)} of
   * {@code foregroundSize} contacts, at event time {@code detectedAt}.
   */
  public Insight insight(Candidate candidate, int foregroundSize, Instant start, Instant end,
      Instant detectedAt) {
    List<RecentContact> contacts = candidate.contacts();
    long count = contacts.size();
    double hours = (end.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
    Insight.Builder insight = Insight.newBuilder()
        .setInsightId(insightId(candidate, end))
        .setKind(InsightKind.EMERGING_REASON)
        .setReasonId(null)
        .setReasonName(candidate.title())
        .setPreventability(Preventability.UNKNOWN)
        .setCandidateTerms(candidate.candidateTerms())
        .setWindowStart(start)
        .setWindowEnd(end)
        .setCount(count)
        .setBaseline(baseline(candidate, foregroundSize))
        .setChannels(channels(contacts))
        .setExamples(contacts.stream().limit(MAX_EXAMPLES)
            .map(c -> new InsightExample(c.contactId(), c.snippet())).toList())
        .setSignals(signals(candidate))
        .setScore(candidate.terms().get(0).score())
        .setGrowthRate(growthRate(contacts, start, end, hours))
        .setDraftedRule(candidate.rule().toString())
        .setDetectedAt(detectedAt);
    InsightCosts.withCost(insight, count / hours * ACTIVE_HOURS_PER_WEEK,
        avgHandleMinutes(contacts), options.costPerMinute());
    return insight.setSummary(String.format(Locale.ROOT,
        "Possible new reason '%s': %d unexplained contacts in %.1f h (background expects %.1f); "
            + "drafted rule: %s", candidate.title(), count, hours, insight.getBaseline(),
        insight.getDraftedRule())).build();
  }

  private static double baseline(Candidate candidate, int foregroundSize) {
    Map<String, Double> shares = new HashMap<>();
    candidate.terms().forEach(t -> shares.put(t.term(), t.backgroundShare()));
    double share = 1.0;
    for (List<String> clause : candidate.rule().clauses()) {
      share = Math.min(share, clause.stream().mapToDouble(t -> shares.getOrDefault(t, 0.0)).sum());
    }
    return foregroundSize * share;
  }

  private static List<Channel> channels(List<RecentContact> contacts) {
    return new TreeSet<>(contacts.stream().map(RecentContact::channel).toList()).stream()
        .map(Channel::valueOf).toList();
  }

  private static List<InsightSignal> signals(Candidate candidate) {
    double n = candidate.contacts().size();
    return candidate.terms().stream().limit(Candidate.MAX_TERMS).map(t -> {
      long with = candidate.contacts().stream().filter(c -> c.terms().contains(t.term())).count();
      return new InsightSignal(SignalKind.TERM, "term", t.term(), with, with / n,
          t.backgroundShare(), t.score());
    }).toList();
  }

  static double growthRate(List<RecentContact> contacts, Instant start, Instant end,
      double hours) {
    long mid = start.toEpochMilli() + (end.toEpochMilli() - start.toEpochMilli()) / 2;
    long newer = contacts.stream().filter(c -> c.occurredAt() >= mid).count();
    double halfHours = hours / 2;
    double now = newer / halfHours;
    double before = (contacts.size() - newer) / halfHours;
    return (now - before) / Math.max(before, 1.0);
  }

  private static Double avgHandleMinutes(List<RecentContact> contacts) {
    long n = contacts.stream().filter(c -> c.handleMillis() != null).count();
    if (n == 0) {
      return null;
    }
    return contacts.stream().filter(c -> c.handleMillis() != null)
        .mapToLong(RecentContact::handleMillis).sum() / (double) n / 60_000.0;
  }
}

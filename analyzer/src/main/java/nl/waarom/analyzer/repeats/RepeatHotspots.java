package nl.waarom.analyzer.repeats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.waarom.analyzer.insight.InsightCosts;
import nl.waarom.analyzer.repeats.HotspotState.History;
import nl.waarom.analyzer.repeats.RepeatDay.Horizon;
import nl.waarom.analyzer.repeats.RepeatDay.Judged;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;

/**
 * Judges a reason's day and builds its REPEAT_HOTSPOT insight. Stateless apart from its options;
 * thread-safe when the taxonomy supplier is.
 *
 * <p>A day is a hotspot when it has at least {@code minCount} repeats and either its repeat rate
 * (repeats / contacts) exceeds {@code rateThreshold}, or, once {@code minHistoryDays} earlier days
 * were judged at the same horizon, its rate is at least {@code minRise} × the reason's own rate
 * over the last {@code historyDays} judged days and a one-sided two-proportion z-test of the two
 * rates gives at least {@code minZ}.
 *
 * <p>Insight fields: count = repeats of the day at the horizon; repeatRate = count / contacts;
 * baseline = the repeats expected at the reason's earlier rate (earlier rate × the day's
 * contacts), or at the threshold rate when there is no history yet; score = z (null without
 * history); growthRate = rate / earlier rate − 1 (null without an earlier rate above 0);
 * weeklyVolume = count × 7 (the avoidable repeat contacts per week if every day were like this
 * one); avgHandleMinutes = mean handle time of the day's repeats.
 */
public final class RepeatHotspots {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Duration ONE_DAY = Duration.ofDays(1);

  private final Supplier<Taxonomy> taxonomy;
  private final RepeatOptions options;

  public RepeatHotspots(Supplier<Taxonomy> taxonomy, RepeatOptions options) {
    this.taxonomy = taxonomy;
    this.options = options;
  }

  /** {@code repeat:<reasonId>:<dayStartIso>}: the same day of a reason always gets the same id. */
  public static String insightId(String reasonId, Instant dayStart) {
    return "repeat:" + reasonId + ":" + dayStart;
  }

  /** The start of the day of an id made by {@link #insightId}, epoch millis. */
  static long dayStart(String insightId) {
    // the id ends with an ISO instant (HH:mm:ss, two colons); the reason id may have colons too
    int seconds = insightId.lastIndexOf(':');
    int minutes = insightId.lastIndexOf(':', seconds - 1);
    int start = insightId.lastIndexOf(':', minutes - 1) + 1;
    return Instant.parse(insightId.substring(start)).toEpochMilli();
  }

  /** How long after a day ends its repeats at this horizon are complete. */
  public Duration delay(Horizon horizon) {
    return horizon == Horizon.EARLY ? options.earlyHorizon() : options.window();
  }

  /** One-sided two-proportion z statistic of r1/n1 against r0/n0 (pooled variance). */
  static double z(long r1, long n1, long r0, long n0) {
    double p1 = (double) r1 / n1;
    double p0 = (double) r0 / n0;
    double pooled = Math.min(Math.max((double) (r1 + r0) / (n1 + n0), 1e-9), 1 - 1e-9);
    return (p1 - p0) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
  }

  /** Whether a day with these counts, against this history, is a hotspot. */
  boolean isHotspot(Judged day, History history) {
    if (day.repeats() < options.minCount() || day.contacts() == 0) {
      return false;
    }
    if (day.rate() > options.rateThreshold()) {
      return true;
    }
    return history.days() >= options.minHistoryDays() && history.contacts() > 0
        && day.rate() >= options.minRise() * history.rate()
        && z(day.repeats(), day.contacts(), history.repeats(), history.contacts())
            >= options.minZ();
  }

  /** The insight for a day judged a hotspot at {@code horizon}, at event time detectedAt. */
  public Insight hotspot(String reasonId, RepeatDay day, Horizon horizon, Judged counts,
      History history, Instant detectedAt) {
    Instant start = Instant.ofEpochMilli(day.start());
    boolean known = history.days() > 0 && history.contacts() > 0;
    double earlier = known ? history.rate() : Double.NaN;
    double rate = counts.rate();
    Insight.Builder insight = Insight.newBuilder()
        .setInsightId(insightId(reasonId, start))
        .setKind(InsightKind.REPEAT_HOTSPOT)
        .setCandidateTerms(List.of())
        .setWindowStart(start)
        .setWindowEnd(start.plus(ONE_DAY))
        .setCount(counts.repeats())
        .setBaseline((known ? earlier : options.rateThreshold()) * counts.contacts())
        .setChannels(day.channels().stream().map(Channel::valueOf).toList())
        .setExamples(day.examples().stream()
            .map(e -> new InsightExample(e.contactId(), e.snippet())).toList())
        .setDetectedAt(detectedAt)
        .setRepeatRate(rate)
        .setScore(known ? z(counts.repeats(), counts.contacts(), history.repeats(),
            history.contacts()) : null)
        .setGrowthRate(known && earlier > 0 ? rate / earlier - 1 : null);
    InsightCosts.withReason(insight, taxonomy.get(), reasonId);
    InsightCosts.withCost(insight, counts.repeats() * 7.0, day.avgRepeatHandleMinutes(),
        options.costPerMinute());
    return insight.setSummary(summary(insight.getReasonName(), day, horizon, counts, earlier))
        .build();
  }

  private String summary(String name, RepeatDay day, Horizon horizon, Judged counts,
      double earlier) {
    String was = Double.isNaN(earlier)
        ? String.format(Locale.ROOT, "threshold %.0f%%", options.rateThreshold() * 100)
        : String.format(Locale.ROOT, "was %.0f%%", earlier * 100);
    String via = day.channels().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList().toString();
    return String.format(Locale.ROOT,
        "Customers contact again about '%s': %.0f%% within %s (%s); %d repeat contacts of %d "
            + "contacts on %s (%s).",
        name, counts.rate() * 100, words(delay(horizon)), was, counts.repeats(),
        counts.contacts(), DAY.format(Instant.ofEpochMilli(day.start())),
        via.substring(1, via.length() - 1));
  }

  /** "7 days", "1 day", "24 hours", "90 minutes". */
  static String words(Duration d) {
    if (d.toHours() >= 48 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
      return d.toDays() + " days";
    }
    if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
      return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    }
    return d.toMinutes() + " minutes";
  }
}

package nl.waarom.tools.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;

/**
 * Weeks of realistic contact-centre traffic for the insight benchmark, deterministic for a seed.
 *
 * <p><b>Rhythm.</b> Arrivals are Poisson per minute around a rate that follows the week in
 * Amsterdam local time: weekday office hours peak 9–12 and 13–17 with a lunch dip, evenings low,
 * nights near zero; Saturday has about 40 % and Sunday 20 % of a weekday's volume; Monday is the
 * busiest day. On top of Poisson the rate carries lognormal noise per day (σ 0.12), per hour
 * (σ 0.10) and per reason and day (σ 0.10): overdispersed, as real traffic is. Calls are only
 * answered in opening hours; outside them chat and email take the traffic.
 *
 * <p><b>Reasons.</b> A Zipf-like mix (exponent 0.8; the top reason about 13 % of all contacts)
 * over the taxonomy's classifiable reasons, about 15 % chatter that states no reason. Texts are
 * the taxonomy's examples in the customer's language wrapped as people talk ({@link
 * ScenarioTexts}). Metadata: queue per reason group, IVR path for calls, product and campaign
 * attributes, handle times per channel (lognormal), a customer pool with repeat contacts (10 %,
 * same reason within days, a third on another channel) and transfers (4 % of calls, within
 * minutes). 20 % of emails arrive 1–30 h after they were written.
 *
 * <p><b>Incidents</b> (in the measured week only, the warm-up weeks are normal): four 5× surges
 * of one reason each, in busy and quieter hours, 40–90 minutes, each concentrated in an attribute
 * value, an IVR path and a telltale phrase; and one new reason no rule knows ("app update deletes
 * my settings", Dutch and English), ramping up from zero over four hours to 4 % of traffic and
 * staying. {@link #truth()} returns what was injected.
 *
 * <p>{@link #arrivals()} lists the planned contacts in the order they arrive at the pipeline
 * (late emails later than their event time); {@link #contact} builds a planned contact's full
 * record on demand, so a multi-week scenario needs little memory. Immutable and thread-safe.
 */
public final class InsightScenario {
  /** The time zone of the customers' weekly rhythm. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  /** The Monday the measured week starts (local midnight). */
  public static final LocalDate MEASURED_MONDAY = LocalDate.of(2026, 11, 16);
  /** The reason id used in the plan and ground truth for the new reason (no taxonomy has it). */
  public static final String NEW_REASON = "app-update-settings";
  /** Words by which an insight is recognised as being about the new reason. */
  public static final List<String> NEW_REASON_WORDS = List.of("update", "instellingen",
      "settings");

  /** Reasons most customers call about, in Zipf rank order; the rest follow in file order. */
  private static final List<String> HEAD = List.of("invoice-question", "delivery-status",
      "outage", "login-problem", "payment-problem", "cancel-subscription", "return-refund",
      "moving-house", "change-of-details", "slow-internet", "direct-debit", "price-increase");
  private static final double ZIPF_EXPONENT = 0.8;
  private static final double CHATTER_SHARE = 0.15;
  private static final double REPEAT_SHARE = 0.10;
  private static final double TRANSFER_SHARE = 0.04;
  private static final double LATE_EMAIL_SHARE = 0.20;
  private static final double SURGE_FACTOR = 5.0;
  private static final double NEW_REASON_SHARE = 0.04;
  private static final Duration NEW_REASON_RAMP = Duration.ofHours(4);

  /** Relative contact rate per local hour of a weekday and of a weekend day. */
  private static final double[] WEEKDAY_HOURS = {0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.10, 0.30,
      0.75, 1.00, 1.00, 0.95, 0.65, 0.90, 0.95, 0.92, 0.85, 0.60, 0.35, 0.30, 0.25, 0.18, 0.10,
      0.05};
  private static final double[] WEEKEND_HOURS = {0.03, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12,
      0.40, 0.80, 1.00, 1.00, 0.85, 0.85, 0.85, 0.80, 0.70, 0.50, 0.35, 0.30, 0.25, 0.18, 0.10,
      0.05};
  /** A day's volume relative to an ordinary weekday, Monday first. */
  private static final double[] DAY_VOLUME = {1.2, 1.0, 1.0, 0.97, 0.9, 0.4, 0.2};

  private static final List<String> PRODUCTS = List.of("mobile", "internet", "tv", "energy",
      "current-account", "webshop");
  private static final List<String> CAMPAIGNS = List.of("autumn-offer", "loyalty-bonus",
      "refer-a-friend");

  /** The incidents of the measured week: day (0 = Monday), local start, minutes, reason, ... */
  private record Spec(int day, LocalTime start, int minutes, String reasonId, String attributeKey,
      String attributeValue, String ivrPath, String phraseNl, String phraseEn) {}

  private static final List<Spec> SPECS = List.of(
      new Spec(0, LocalTime.of(10, 20), 60, "outage", "product", "fiber", "3>1>9",
          "sinds het onderhoud van vannacht", "since last night's maintenance work"),
      new Spec(1, LocalTime.of(19, 15), 45, "invoice-question", "campaign", "new-invoice-layout",
          "1>1>4", "de nieuwe opmaak is heel onduidelijk", "the new layout is very confusing"),
      new Spec(3, LocalTime.of(14, 10), 40, "payment-problem", "campaign", "black-friday",
          "1>2>2", "het gaat om de black friday aanbieding", "it is for the black friday offer"),
      new Spec(5, LocalTime.of(10, 30), 90, "delivery-status", "product", "webshop-express",
          "4>3>1", "het afhaalpunt is gesloten", "the pickup point is closed"));
  private static final int NEW_REASON_DAY = 1;
  private static final LocalTime NEW_REASON_START = LocalTime.of(8, 30);

  /**
   * What to generate.
   *
   * @param warmupWeeks normal weeks before the measured week; at least 0
   * @param perWeek contacts in an ordinary week (before incidents); at least 100
   * @param seed the random seed; the same options give the same scenario
   * @param measuredDays days of the measured week to generate, from its Monday; 1 to 7
   */
  public record Options(int warmupWeeks, int perWeek, long seed, int measuredDays) {
    public Options {
      if (warmupWeeks < 0 || warmupWeeks > 52) {
        throw new IllegalArgumentException("warm-up weeks must be 0 to 52: " + warmupWeeks);
      }
      if (perWeek < 100 || perWeek > 5_000_000) {
        throw new IllegalArgumentException("contacts per week must be 100 to 5000000: " + perWeek);
      }
      if (measuredDays < 1 || measuredDays > 7) {
        throw new IllegalArgumentException("measured days must be 1 to 7: " + measuredDays);
      }
    }

    /** Two warm-up weeks, 60,000 contacts a week, seed 42, a whole measured week. */
    public static Options defaults() {
      return new Options(2, 60_000, 42, 7);
    }
  }

  /**
   * Why a planned contact exists: ordinary traffic with a reason, chatter without one, an
   * incident's extra contacts, the new reason, a repeat of an earlier contact (same customer and
   * reason, hours to days later) or a transfer of a call (minutes later, second-line queue).
   */
  public enum Kind { NORMAL, CHATTER, SURGE, NEW_REASON, REPEAT, TRANSFER }

  /**
   * One contact of the scenario before its text is written.
   *
   * @param reasonId the reason the customer has; null for chatter, {@link #NEW_REASON} for the
   *     new reason
   * @param incident index into {@link GroundTruth#incidents()} for a surge contact, else -1
   * @param arrivesAt when the record reaches the pipeline (after occurredAt for late emails)
   */
  public record Planned(String contactId, Instant occurredAt, Instant arrivesAt, Channel channel,
      String customerKey, String language, String reasonId, Kind kind, int incident,
      String product, long textSeed) {}

  /** One injected surge: the reason's rate times {@code factor} from start to end. */
  public record Incident(int index, String reasonId, Instant start, Instant end, double factor,
      String attributeKey, String attributeValue, String ivrPath, String phraseNl,
      String phraseEn) {}

  /**
   * The injected new reason.
   *
   * @param contactTimes event times of every new-reason contact, ascending
   */
  public record NewReason(Instant rampStart, Duration ramp, double share,
      List<Instant> contactTimes) {
    /** Event time of the n-th new-reason contact (1-based); null when there are fewer. */
    public Instant nth(int n) {
      return n >= 1 && n <= contactTimes.size() ? contactTimes.get(n - 1) : null;
    }
  }

  /**
   * What the scenario injected.
   *
   * @param start the first generated minute (the first warm-up Monday, local midnight)
   * @param measuredStart the measured week's Monday, local midnight
   * @param measuredEnd the end of the measured days (exclusive)
   * @param incidents the surges, in time order
   * @param newReason null when the measured days end before it starts
   */
  public record GroundTruth(Instant start, Instant measuredStart, Instant measuredEnd,
      List<Incident> incidents, NewReason newReason) {}

  private final Taxonomy taxonomy;
  private final Map<String, Reason> reasons;
  private final Map<String, Integer> ranks;
  private final List<Planned> arrivals;
  private final GroundTruth truth;

  private InsightScenario(Taxonomy taxonomy, Map<String, Reason> reasons,
      Map<String, Integer> ranks, List<Planned> arrivals, GroundTruth truth) {
    this.taxonomy = taxonomy;
    this.reasons = reasons;
    this.ranks = ranks;
    this.arrivals = arrivals;
    this.truth = truth;
  }

  /** The planned contacts in arrival order (ties by event time, then id). */
  public List<Planned> arrivals() {
    return arrivals;
  }

  public GroundTruth truth() {
    return truth;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** The reasons of the mix with their share of explained traffic, in rank order. */
  public Map<String, Double> reasonShares() {
    double total = ranks.values().stream().mapToDouble(InsightScenario::zipf).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    ranks.forEach((id, rank) -> shares.put(id, zipf(rank) / total));
    return shares;
  }

  private static double zipf(int rank) {
    return Math.pow(rank, -ZIPF_EXPONENT);
  }

  /** Generates the scenario: warm-up weeks, then the measured days with their incidents. */
  public static InsightScenario generate(Taxonomy taxonomy, Options options) {
    Map<String, Reason> reasons = new LinkedHashMap<>();
    for (String id : HEAD) {
      taxonomy.reason(id).filter(r -> !r.labelledExamples().isEmpty())
          .ifPresent(r -> reasons.put(id, r));
    }
    for (Reason r : taxonomy.classifiable()) {
      if (!r.labelledExamples().isEmpty()) {
        reasons.putIfAbsent(r.id(), r);
      }
    }
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("the taxonomy has no reasons with examples");
    }
    Map<String, Integer> ranks = new LinkedHashMap<>();
    reasons.keySet().forEach(id -> ranks.put(id, ranks.size() + 1));
    return new Generator(taxonomy, reasons, ranks, options).run();
  }

  /** Builds the full contact record of a planned contact (same plan, same contact). */
  public Contact contact(Planned plan) {
    SplittableRandom random = new SplittableRandom(plan.textSeed());
    String language = plan.language();
    Channel channel = plan.channel();
    Incident incident = plan.incident() >= 0 ? truth.incidents().get(plan.incident()) : null;
    boolean phrase = incident != null && random.nextDouble() < 0.75;
    boolean attribute = incident != null && random.nextDouble() < 0.85;
    String text;
    if (plan.reasonId() == null) {
      text = ScenarioTexts.chatterText(language, channel, random);
    } else if (plan.reasonId().equals(NEW_REASON)) {
      text = ScenarioTexts.newReasonText(language, channel, random);
    } else {
      text = ScenarioTexts.reasonText(reasons.get(plan.reasonId()), language, channel,
          phrase ? ("en".equals(language) ? incident.phraseEn() : incident.phraseNl()) : null,
          random);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("product", plan.product());
    if (random.nextDouble() < 0.08) {
      attributes.put("campaign", ScenarioTexts.pick(CAMPAIGNS, random));
    }
    if (attribute) {
      attributes.put(incident.attributeKey(), incident.attributeValue());
    }
    String group = group(plan.reasonId());
    Contact.Builder b = Contact.newBuilder()
        .setContactId(plan.contactId())
        .setChannel(channel)
        .setCustomerKey(plan.customerKey())
        .setOccurredAt(plan.occurredAt())
        .setLanguage(random.nextDouble() < 0.6 ? language : null)
        .setSubject(channel == Channel.EMAIL ? ScenarioTexts.subject(language, random) : null)
        .setTurns(ScenarioTexts.turns(text, language, channel, random))
        .setQueue(plan.kind() == Kind.TRANSFER ? group + "-second-line"
            : channel == Channel.EMAIL ? "email-" + group : group)
        .setAttributes(attributes);
    switch (channel) {
      case CALL -> b.setIvrMillis(20_000L + random.nextInt(70_000))
          .setQueueMillis(lognormal(random, 90_000, 0.8))
          .setTalkMillis(lognormal(random, 360_000, 0.55))
          .setWrapUpMillis(lognormal(random, 90_000, 0.5))
          .setIvrPath(attribute && incident.ivrPath() != null ? incident.ivrPath()
              : ivrPath(plan.reasonId(), random))
          .setCallbackRequested(random.nextDouble() < 0.05);
      case CHAT -> b.setQueueMillis(lognormal(random, 45_000, 0.8))
          .setTalkMillis(lognormal(random, 540_000, 0.6))
          .setWrapUpMillis(lognormal(random, 60_000, 0.5));
      default -> b.setTalkMillis(lognormal(random, 240_000, 0.6))
          .setWrapUpMillis(lognormal(random, 120_000, 0.5));
    }
    return b.build();
  }

  /** The queue of a reason: its group; {@code general} for chatter and the new reason. */
  private String group(String reasonId) {
    Reason reason = reasonId == null ? null : reasons.get(reasonId);
    if (reason == null) {
      return "general";
    }
    return reason.parent() == null ? reason.id() : reason.parent();
  }

  /** Menu choices: group, then reason within the group; some customers pick the operator. */
  private String ivrPath(String reasonId, SplittableRandom random) {
    Reason reason = reasonId == null ? null : reasons.get(reasonId);
    if (reason == null || random.nextDouble() < 0.12) {
      return random.nextBoolean() ? "0" : (1 + random.nextInt(6)) + ">0";
    }
    List<Reason> entries = taxonomy.reasons();
    List<String> groups = entries.stream().filter(r -> r.parent() == null).map(Reason::id)
        .toList();
    String group = group(reasonId);
    int groupIndex = groups.indexOf(group) + 1;
    List<Reason> siblings = taxonomy.children(group);
    int inGroup = siblings.isEmpty() ? 1 : siblings.indexOf(reason) % 9 + 1;
    return groupIndex + ">" + inGroup;
  }

  private static long lognormal(SplittableRandom random, double median, double sigma) {
    return Math.round(median * Math.exp(sigma * gaussian(random)));
  }

  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Lognormal noise with mean 1. */
  private static double noise(SplittableRandom random, double sigma) {
    return Math.exp(sigma * gaussian(random) - sigma * sigma / 2);
  }

  static int poisson(SplittableRandom random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 40) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  /** The relative rate at a local time, interpolated between hour centres. */
  static double shape(ZonedDateTime local) {
    double hour = local.getHour() + local.getMinute() / 60.0 - 0.5;
    int h0 = (int) Math.floor(hour);
    double f = hour - h0;
    LocalDate date = local.toLocalDate();
    return (1 - f) * hourWeight(date.plusDays(Math.floorDiv(h0, 24)), Math.floorMod(h0, 24))
        + f * hourWeight(date.plusDays(Math.floorDiv(h0 + 1, 24)), Math.floorMod(h0 + 1, 24));
  }

  private static final double WEEKDAY_SUM = sum(WEEKDAY_HOURS);
  private static final double WEEKEND_SUM = sum(WEEKEND_HOURS);

  private static double hourWeight(LocalDate date, int hour) {
    int day = date.getDayOfWeek().getValue() - 1;
    boolean weekend = day >= 5;
    double[] hours = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
    return DAY_VOLUME[day] * WEEKDAY_SUM * hours[hour] / (weekend ? WEEKEND_SUM : WEEKDAY_SUM);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** Whether calls are answered: weekdays 8–20, Saturday 9–17, Sunday closed. */
  static boolean callsOpen(ZonedDateTime local) {
    DayOfWeek day = local.getDayOfWeek();
    int h = local.getHour();
    return switch (day) {
      case SATURDAY -> h >= 9 && h < 17;
      case SUNDAY -> false;
      default -> h >= 8 && h < 20;
    };
  }

  /** The generation run: one pass over every minute, then repeats and transfers, then sorting. */
  private static final class Generator {
    private final Taxonomy taxonomy;
    private final Map<String, Reason> reasons;
    private final Map<String, Integer> ranks;
    private final Options options;
    private final SplittableRandom random;
    private final List<String> reasonIds;
    private final double[] zipf;
    private final String[] customers;
    private final String[] customerLanguage;
    private final String[] customerProduct;
    private final List<Planned> planned = new ArrayList<>();
    private int sequence;

    Generator(Taxonomy taxonomy, Map<String, Reason> reasons, Map<String, Integer> ranks,
        Options options) {
      this.taxonomy = taxonomy;
      this.reasons = reasons;
      this.ranks = ranks;
      this.options = options;
      this.random = new SplittableRandom(options.seed());
      this.reasonIds = List.copyOf(reasons.keySet());
      this.zipf = reasonIds.stream().mapToDouble(id -> zipf(ranks.get(id))).toArray();
      int pool = Math.max(500, options.perWeek() * 2);
      customers = new String[pool];
      customerLanguage = new String[pool];
      customerProduct = new String[pool];
      for (int i = 0; i < pool; i++) {
        customers[i] = String.format("cust-%07x", (i * 2_654_435_761L) & 0xfffffffL);
        customerLanguage[i] = random.nextDouble() < 0.72 ? "nl" : "en";
        customerProduct[i] = ScenarioTexts.pick(PRODUCTS, random);
      }
    }

    InsightScenario run() {
      ZonedDateTime measuredStart = MEASURED_MONDAY.atStartOfDay(ZONE);
      ZonedDateTime start = measuredStart.minusWeeks(options.warmupWeeks());
      ZonedDateTime end = measuredStart.plusDays(options.measuredDays());
      List<Incident> incidents = new ArrayList<>();
      for (Spec spec : SPECS) {
        ZonedDateTime s = measuredStart.plusDays(spec.day()).with(spec.start());
        if (reasons.containsKey(spec.reasonId()) && spec.day() < options.measuredDays()) {
          incidents.add(new Incident(incidents.size(), spec.reasonId(), s.toInstant(),
              s.plusMinutes(spec.minutes()).toInstant(), SURGE_FACTOR, spec.attributeKey(),
              spec.attributeValue(), spec.ivrPath(), spec.phraseNl(), spec.phraseEn()));
        }
      }
      ZonedDateTime rampStart = measuredStart.plusDays(NEW_REASON_DAY).with(NEW_REASON_START);
      boolean newReason = rampStart.isBefore(end);

      // Expected weekly volume of the base rate without noise; scale to perWeek including the
      // repeats and transfers that the base traffic causes.
      double weekWeight = 0;
      for (ZonedDateTime t = measuredStart; t.isBefore(measuredStart.plusWeeks(1));
          t = t.plusMinutes(1)) {
        weekWeight += shape(t);
      }
      double explained = 1 - CHATTER_SHARE;
      double extra = explained * REPEAT_SHARE + 0.4 * TRANSFER_SHARE;
      double scale = options.perWeek() / (1 + extra) / weekWeight;

      Map<LocalDate, Double> dayNoise = new HashMap<>();
      Map<LocalDate, double[]> reasonNoise = new HashMap<>();
      Map<Long, Double> hourNoise = new HashMap<>();
      for (ZonedDateTime t = start; t.isBefore(end); t = t.plusMinutes(1)) {
        LocalDate date = t.toLocalDate();
        double day = dayNoise.computeIfAbsent(date, d -> noise(random, 0.12));
        double[] perReason = reasonNoise.computeIfAbsent(date, d -> {
          double[] w = new double[zipf.length];
          for (int i = 0; i < w.length; i++) {
            w[i] = zipf[i] * noise(random, 0.10);
          }
          return w;
        });
        long hourIndex = t.toEpochSecond() / 3600;
        double hourNow = hourNoise.computeIfAbsent(hourIndex, h -> noise(random, 0.10));
        double hourNext = hourNoise.computeIfAbsent(hourIndex + 1, h -> noise(random, 0.10));
        double f = t.getMinute() / 60.0;
        double rate = scale * shape(t) * day * ((1 - f) * hourNow + f * hourNext);
        Instant minute = t.toInstant();
        boolean measured = !t.isBefore(measuredStart);
        double reasonTotal = sum(perReason);

        for (int n = poisson(random, rate); n > 0; n--) {
          Instant at = minute.plusMillis(random.nextInt(60_000));
          if (random.nextDouble() < CHATTER_SHARE) {
            add(at, t, null, Kind.CHATTER, -1);
          } else {
            add(at, t, reasonIds.get(pickWeighted(perReason, reasonTotal)), Kind.NORMAL, -1);
          }
        }
        if (!measured) {
          continue;
        }
        for (Incident incident : incidents) {
          if (!minute.isBefore(incident.start()) && minute.isBefore(incident.end())) {
            int r = reasonIds.indexOf(incident.reasonId());
            double reasonRate = rate * (1 - CHATTER_SHARE) * perReason[r] / reasonTotal;
            for (int n = poisson(random, (incident.factor() - 1) * reasonRate); n > 0; n--) {
              add(minute.plusMillis(random.nextInt(60_000)), t, incident.reasonId(), Kind.SURGE,
                  incident.index());
            }
          }
        }
        if (newReason && !minute.isBefore(rampStart.toInstant())) {
          double ramp = Math.min(1.0, Duration.between(rampStart.toInstant(), minute).toMillis()
              / (double) NEW_REASON_RAMP.toMillis());
          for (int n = poisson(random, NEW_REASON_SHARE * ramp * rate); n > 0; n--) {
            add(minute.plusMillis(random.nextInt(60_000)), t, NEW_REASON, Kind.NEW_REASON, -1);
          }
        }
      }
      followUps(end.toInstant());

      List<Instant> newReasonTimes = planned.stream()
          .filter(p -> NEW_REASON.equals(p.reasonId())).map(Planned::occurredAt).sorted()
          .toList();
      GroundTruth truth = new GroundTruth(start.toInstant(), measuredStart.toInstant(),
          end.toInstant(), List.copyOf(incidents), newReason ? new NewReason(
              rampStart.toInstant(), NEW_REASON_RAMP, NEW_REASON_SHARE, newReasonTimes) : null);
      planned.sort(Comparator.comparing(Planned::arrivesAt).thenComparing(Planned::occurredAt)
          .thenComparing(Planned::contactId));
      return new InsightScenario(taxonomy, reasons, ranks, List.copyOf(planned), truth);
    }

    /** Repeat contacts (same customer and reason, days later) and transfers (minutes later). */
    private void followUps(Instant end) {
      List<Planned> originals = List.copyOf(planned);
      for (Planned p : originals) {
        if (p.reasonId() == null) {
          continue;
        }
        if (p.channel() == Channel.CALL && random.nextDouble() < TRANSFER_SHARE) {
          Instant at = p.occurredAt().plusSeconds(120 + random.nextInt(480));
          plan(at, Channel.CALL, p.customerKey(), p.language(), p.reasonId(), Kind.TRANSFER,
              p.incident(), p.product(), end);
        }
        if (random.nextDouble() < REPEAT_SHARE) {
          long delay = Math.round(18 * 3600_000.0 * Math.exp(gaussian(random)));
          delay = Math.max(30 * 60_000L, Math.min(7 * 24 * 3600_000L, delay));
          Instant at = p.occurredAt().plusMillis(delay);
          Channel channel = random.nextDouble() < 0.65 ? p.channel() : otherChannel(p.channel());
          if (channel == Channel.CALL && !callsOpen(at.atZone(ZONE))) {
            channel = Channel.CHAT;
          }
          plan(at, channel, p.customerKey(), p.language(), p.reasonId(), Kind.REPEAT, -1,
              p.product(), end);
        }
      }
    }

    private Channel otherChannel(Channel channel) {
      List<Channel> others = new ArrayList<>(List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL));
      others.remove(channel);
      return ScenarioTexts.pick(others, random);
    }

    private void add(Instant at, ZonedDateTime local, String reasonId, Kind kind, int incident) {
      Channel channel = channel(local);
      int customer = random.nextInt(customers.length);
      plan(at, channel, customers[customer], customerLanguage[customer], reasonId, kind, incident,
          customerProduct[customer], null);
    }

    private void plan(Instant at, Channel channel, String customer, String language,
        String reasonId, Kind kind, int incident, String product, Instant end) {
      if (end != null && !at.isBefore(end)) {
        return;
      }
      Instant arrives = at;
      if (channel == Channel.EMAIL && random.nextDouble() < LATE_EMAIL_SHARE) {
        double hours = Math.exp(Math.log(1) + random.nextDouble() * Math.log(30));
        arrives = at.plusMillis(Math.round(hours * 3600_000));
      }
      String id = switch (channel) {
        case CALL -> "call-";
        case CHAT -> "chat-";
        default -> "mail-";
      } + String.format("%08d", sequence++);
      planned.add(new Planned(id, at, arrives, channel, customer, language, reasonId, kind,
          incident, product, random.nextLong()));
    }

    private Channel channel(ZonedDateTime local) {
      double u = random.nextDouble();
      if (callsOpen(local)) {
        return u < 0.40 ? Channel.CHAT : u < 0.82 ? Channel.CALL : Channel.EMAIL;
      }
      return u < 0.65 ? Channel.CHAT : Channel.EMAIL;
    }

    private int pickWeighted(double[] weights, double total) {
      double u = random.nextDouble() * total;
      for (int i = 0; i < weights.length; i++) {
        u -= weights[i];
        if (u < 0) {
          return i;
        }
      }
      return weights.length - 1;
    }
  }
}

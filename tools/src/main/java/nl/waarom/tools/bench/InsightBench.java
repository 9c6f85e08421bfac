package nl.waarom.tools.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.waarom.analyzer.app.AnalyzerOptions;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.analyzer.app.AnalyzerTopology;
import nl.waarom.tools.bench.InsightScenario.GroundTruth;
import nl.waarom.tools.bench.InsightScenario.Incident;
import nl.waarom.tools.bench.InsightScenario.Options;
import nl.waarom.tools.bench.InsightScenario.Planned;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * {@code waarom bench insights}: replays a generated scenario ({@link InsightScenario}: warm-up
 * weeks of normal traffic, then a measured week with surges and a new reason) through the whole
 * analyzer topology — the default taxonomy's classifier, default {@link AnalyzerOptions} from an
 * empty configuration — in a {@link TopologyTestDriver}, faster than real time, and scores the
 * insights that come out ({@link InsightScore}).
 *
 * <p>Contacts are piped as Avro bytes on their channel's topic in arrival order (late emails
 * late) with record timestamp = occurredAt. The driver keeps its state in a temporary directory
 * that is deleted afterwards. Prints per incident the detection delay in event time or MISSED,
 * the false spikes, the new reason's EMERGING_REASON delay after its 30th contact and its
 * phrases, the share explained and the throughput; last line
 * {@code result: spike_delay_s=… false_spikes_per_week=… emerging_delay_s=… explained_share=…}.
 * Single-threaded; one run per call.
 */
public final class InsightBench {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
  /** Output topics are read this often (piped records) so the driver does not hoard them. */
  private static final int DRAIN_EVERY = 500;

  private InsightBench() {}

  /** Runs the benchmark over the whole scenario and returns the exit code (0). */
  public static int run(Options options, PrintStream out) {
    return run(options, plan -> true, out);
  }

  /** A run over the planned contacts that {@code replayed} accepts (tests replay a few hours). */
  static int run(Options options, Predicate<Planned> replayed, PrintStream out) {
    long t0 = System.nanoTime();
    Taxonomy taxonomy = TaxonomyLoader.loadDefault(RuleParser.check());
    InsightScenario scenario = InsightScenario.generate(taxonomy, options);
    describe(scenario, options, out, (System.nanoTime() - t0) / 1e9);
    try (Classifier classifier = new Classifier(taxonomy)) {
      Replay replay = replay(scenario, replayed, classifier, out);
      InsightScore.Result result = InsightScore.score(scenario.truth(), replay.insights,
          replay.measured, replay.explained);
      report(scenario, replay, result, out);
      out.printf(Locale.ROOT, "total run time %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.println(result.line());
    }
    return 0;
  }

  private static void describe(InsightScenario scenario, Options options, PrintStream out,
      double seconds) {
    GroundTruth truth = scenario.truth();
    out.printf(Locale.ROOT, "scenario: seed %d, %d warm-up week(s) + %d measured day(s) from %s, "
            + "~%d contacts/week; %d contacts generated in %.1f s%n", options.seed(),
        options.warmupWeeks(), options.measuredDays(), local(truth.measuredStart()),
        options.perWeek(), scenario.arrivals().size(), seconds);
    for (Incident i : truth.incidents()) {
      out.printf(Locale.ROOT, "  incident %d: %s ×%.0f %s – %s (%d min), %s=%s, ivr %s, \"%s\"%n",
          i.index() + 1, i.reasonId(), i.factor(), local(i.start()),
          local(i.end()).substring(15), Duration.between(i.start(), i.end()).toMinutes(),
          i.attributeKey(), i.attributeValue(), i.ivrPath(), i.phraseNl());
    }
    if (truth.newReason() != null) {
      InsightScenario.NewReason n = truth.newReason();
      out.printf(Locale.ROOT, "  new reason: \"app update deletes my settings\" from %s, ramping "
              + "over %d h to %.0f %% of traffic; 30th contact %s; %d contacts%n",
          local(n.rampStart()), n.ramp().toHours(), n.share() * 100,
          n.nth(InsightScore.EMERGING_AT_CONTACT) == null ? "never"
              : local(n.nth(InsightScore.EMERGING_AT_CONTACT)), n.contactTimes().size());
    }
  }

  /** What the replay produced. */
  record Replay(List<Insight> insights, long measured, long explained, long piped,
      double seconds, long dropped) {}

  static Replay replay(InsightScenario scenario, Predicate<Planned> replayed,
      Classifier classifier, PrintStream out) {
    Topics topics = Topics.defaults();
    // the detectors' settings from the environment (WAAROM_SPIKE_THRESHOLD, ...), so a team can
    // measure a tuning before it deploys one; printed so a result line says what it measured
    Map<String, String> tuned = new java.util.TreeMap<>();
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("WAAROM_SPIKE_") || k.startsWith("WAAROM_EMERGING_")
          || k.startsWith("WAAROM_REPEAT_") || k.startsWith("WAAROM_TREND_")) {
        tuned.put(k, v);
      }
    });
    if (!tuned.isEmpty()) {
      out.println("detector settings from the environment: " + tuned);
    }
    Config config = Config.load(AnalyzerSettings.all(), tuned);
    ScratchDir scratch = ScratchDir.create("waarom-bench-insights");
    Path stateDir = scratch.path();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(AnalyzerSettings.APPLICATION_ID));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench-insights:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.get(AnalyzerSettings.PROCESSING_GUARANTEE).config());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        config.get(AnalyzerSettings.COMMIT_INTERVAL).toMillis());
    GroundTruth truth = scenario.truth();
    // Kafka Streams logs a warning for every record too late for a window; thousands here.
    QuietLogger quiet = QuietLogger.quiet(QuietLogger.LATE_RECORDS);
    // The wall clock follows the arrivals, as if live: the analyzer orders contacts by event time
    // and releases them as its watermark (driven by wall-clock markers) passes them.
    java.time.Instant wallClock = scenario.arrivals().isEmpty() ? java.time.Instant.now()
        : scenario.arrivals().get(0).arrivesAt();
    try (TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(config), topics, classifier, new SimpleMeterRegistry()), props,
        wallClock)) {
      Map<Channel, TestInputTopic<String, byte[]>> inputs = new EnumMap<>(Channel.class);
      Map<Channel, Serializer<Contact>> serializers = new EnumMap<>(Channel.class);
      for (Channel channel : List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL)) {
        inputs.put(channel, driver.createInputTopic(topics.contactsFor(channel).name(),
            new StringSerializer(), new ByteArraySerializer()));
        serializers.put(channel, topics.contactsFor(channel).valueSerde().serializer());
      }
      Drain drain = new Drain(driver, topics, truth, out);
      long t0 = System.nanoTime();
      long piped = 0;
      LocalDate day = null;
      long dayStart = t0;
      long dayCount = 0;
      for (Planned plan : scenario.arrivals()) {
        if (!replayed.test(plan)) {
          continue;
        }
        LocalDate arrivalDay = plan.arrivesAt().atZone(InsightScenario.ZONE).toLocalDate();
        if (!arrivalDay.equals(day)) {
          if (day != null) {
            progress(out, day, dayCount, dayStart, drain);
          }
          day = arrivalDay;
          dayStart = System.nanoTime();
          dayCount = 0;
        }
        if (plan.arrivesAt().isAfter(wallClock.plus(MARKER_STEP))) {
          driver.advanceWallClockTime(java.time.Duration.between(wallClock, plan.arrivesAt()));
          wallClock = plan.arrivesAt();
        }
        Contact contact = scenario.contact(plan);
        String topic = topics.contactsFor(plan.channel()).name();
        inputs.get(plan.channel()).pipeInput(plan.contactId(),
            serializers.get(plan.channel()).serialize(topic, contact), plan.arrivesAt());
        piped++;
        dayCount++;
        if (piped % DRAIN_EVERY == 0) {
          drain.run();
        }
      }
      // the end of the input: the sources stay quiet (longer than the idle timeout plus the
      // tolerance) and the ordering releases everything
      driver.advanceWallClockTime(java.time.Duration.ofHours(1));
      for (int round = 0; round < 3; round++) {
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(11));
      }
      drain.run();
      if (day != null) {
        progress(out, day, dayCount, dayStart, drain);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Replay(drain.insights, drain.measured, drain.explained, piped, seconds,
          dropped(driver));
    } finally {
      quiet.restore();
      scratch.close();
    }
  }

  /** How far the wall clock may lag the arrivals before it is moved on (one marker round). */
  private static final java.time.Duration MARKER_STEP = java.time.Duration.ofSeconds(30);

  /** Records Kafka Streams dropped (too late for their window, or unprocessable). */
  private static long dropped(TopologyTestDriver driver) {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("dropped-records-total"))
        .mapToLong(e -> e.getValue().metricValue() instanceof Number n ? n.longValue() : 0)
        .sum();
  }

  private static void progress(PrintStream out, LocalDate day, long count, long since,
      Drain drain) {
    double seconds = (System.nanoTime() - since) / 1e9;
    out.printf(Locale.ROOT, "  %s: %,d contacts arrived, %.0f contacts/s; insights so far: %s%n",
        day, count, count / Math.max(seconds, 1e-9), drain.kinds());
  }

  /** Reads every output topic: insights kept, classified contacts counted, the rest dropped. */
  private static final class Drain {
    private final TopologyTestDriver driver;
    private final Topics topics;
    private final GroundTruth truth;
    private final PrintStream out;
    private final Map<String, TestOutputTopic<?, ?>> outputs = new HashMap<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    final List<Insight> insights = new ArrayList<>();
    long measured;
    long explained;

    Drain(TopologyTestDriver driver, Topics topics, GroundTruth truth, PrintStream out) {
      this.driver = driver;
      this.topics = topics;
      this.truth = truth;
      this.out = out;
    }

    /** Keeps an insight; prints the measured days' insights as they come (partial runs). */
    private void insight(Insight insight) {
      insights.add(insight);
      if (seen.add(insight.getInsightId())
          && !insight.getDetectedAt().isBefore(truth.measuredStart())) {
        out.printf(Locale.ROOT, "    %s %s detected %s: count %d, baseline %.1f%n",
            insight.getKind(), insight.getReasonId() == null ? InsightScore.phrases(insight)
                : insight.getReasonId(), local(insight.getDetectedAt()), insight.getCount(),
            insight.getBaseline());
      }
    }

    void run() {
      for (String name : driver.producedTopicNames()) {
        if (name.equals(topics.insights.name())) {
          output(name, topics.insights.valueSerde().deserializer()).readValuesToList()
              .forEach(v -> insight((Insight) v));
        } else if (name.equals(topics.classified.name())) {
          for (Object value : output(name, topics.classified.valueSerde().deserializer())
              .readValuesToList()) {
            ClassifiedContact c = (ClassifiedContact) value;
            if (!c.getOccurredAt().isBefore(truth.measuredStart())
                && c.getOccurredAt().isBefore(truth.measuredEnd())) {
              measured++;
              if (!c.getUnexplained()) {
                explained++;
              }
            }
          }
        } else {
          output(name, new ByteArrayDeserializer()).readRecordsToList();
        }
      }
    }

    private TestOutputTopic<?, ?> output(String name,
        org.apache.kafka.common.serialization.Deserializer<?> values) {
      return outputs.computeIfAbsent(name, n -> driver.createOutputTopic(n,
          new StringDeserializer(), values));
    }

    String kinds() {
      Map<InsightKind, Long> counts = new TreeMap<>();
      Map<String, Insight> distinct = new HashMap<>();
      insights.forEach(i -> distinct.putIfAbsent(i.getInsightId(), i));
      distinct.values().forEach(i -> counts.merge(i.getKind(), 1L, Long::sum));
      return counts.isEmpty() ? "none" : counts.toString();
    }
  }

  private static void report(InsightScenario scenario, Replay replay, InsightScore.Result result,
      PrintStream out) {
    GroundTruth truth = scenario.truth();
    long warmupSpikes = replay.insights.stream().filter(i -> i.getKind() == InsightKind.SPIKE
        && i.getDetectedAt().isBefore(truth.measuredStart())).map(Insight::getInsightId)
        .distinct().count();
    out.printf(Locale.ROOT, "replayed %,d contacts in %.1f s: %.0f contacts/s%n", replay.piped,
        replay.seconds, replay.piped / Math.max(replay.seconds, 1e-9));
    out.printf(Locale.ROOT, "records dropped by Kafka Streams (e.g. too late for a window's "
        + "grace): %,d%n", replay.dropped);
    out.println("spikes (detection delay in event time after the incident's start):");
    for (InsightScore.Detection d : result.detections()) {
      Incident i = d.incident();
      out.printf(Locale.ROOT, "  incident %d %-18s %s: %s%n", i.index() + 1, i.reasonId(),
          local(i.start()), d.missed() ? "MISSED" : String.format(Locale.ROOT,
              "%d s (%s, count %d vs baseline %.1f; signals %s)", d.delay().toSeconds(),
              d.spike().getInsightId(), d.spike().getCount(), d.spike().getBaseline(),
              signals(d.spike())));
    }
    out.printf(Locale.ROOT, "false spikes in the measured days: %d (%.1f per week); spikes "
            + "during warm-up: %d%n", result.falseSpikes().size(), result.falseSpikesPerWeek(),
        warmupSpikes);
    result.falseSpikes().stream().sorted(Comparator.comparing(Insight::getDetectedAt))
        .forEach(i -> out.printf(Locale.ROOT, "  %s %-18s count %d vs baseline %.1f (%s)%n",
            local(i.getDetectedAt()), i.getReasonId(), i.getCount(), i.getBaseline(),
            i.getInsightId()));
    if (!result.unexplainedSpikes().isEmpty()) {
      out.printf(Locale.ROOT, "spikes of 'unexplained' while the new reason grows (not counted "
          + "as false): %d, first at %s%n", result.unexplainedSpikes().size(),
          local(result.unexplainedSpikes().get(0).getDetectedAt()));
    }
    if (truth.newReason() != null) {
      if (result.emerging() != null) {
        Insight e = result.emerging();
        out.printf(Locale.ROOT, "emerging reason: detected %s, %s after its %dth contact; "
                + "phrases %s; drafted rule %s%n", local(e.getDetectedAt()),
            result.emergingDelaySeconds().map(s -> s + " s").orElse("n/a"),
            InsightScore.EMERGING_AT_CONTACT, InsightScore.phrases(e), e.getDraftedRule());
      } else {
        out.println("emerging reason: MISSED");
      }
      out.printf(Locale.ROOT, "other EMERGING_REASON insights in the measured days: %d%s%n",
          result.otherEmerging().size(), result.otherEmerging().isEmpty() ? ""
              : " " + result.otherEmerging().stream().limit(5)
                  .map(i -> InsightScore.phrases(i).toString()).toList());
    }
    out.printf(Locale.ROOT, "explained: %,d of %,d contacts of the measured days (%.1f %%)%n",
        result.explainedContacts(), result.measuredContacts(), result.explainedShare() * 100);
  }

  private static String signals(Insight insight) {
    return insight.getSignals().stream().limit(4)
        .map(s -> s.getName() + "=" + s.getValue()).toList().toString();
  }

  private static String local(Instant instant) {
    return LOCAL.format(instant.atZone(InsightScenario.ZONE));
  }
}

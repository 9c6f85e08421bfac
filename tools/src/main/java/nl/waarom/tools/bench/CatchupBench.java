package nl.waarom.tools.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.ModelOptions;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.tools.bench.CatchupComparison.Result;
import nl.waarom.tools.bench.InsightScenario.GroundTruth;
import nl.waarom.tools.bench.InsightScenario.Incident;
import nl.waarom.tools.bench.InsightScenario.Planned;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code waarom bench catchup}: does the analyzer emit the same after catching up on a backlog
 * as when it reads the same contacts one by one in order? Generates the insight scenario
 * ({@link InsightScenario}: surges and a new reason, here a few days of it), renders it once
 * ({@link CatchupTraffic}), replays it in arrival order through the production topology in a
 * TopologyTestDriver ({@link CatchupReference}), publishes it to a real broker while no analyzer
 * runs and lets the analyzer catch up with several stream threads over several partitions
 * ({@link BrokerCatchup}), then compares the insights and the final trend window counts
 * ({@link CatchupComparison}). Both sides use the default analyzer configuration and the
 * default taxonomy's classifier. Prints progress, the first differences of each kind, and
 * (through {@link Report#line()}) the line
 * {@code result: reference=N caught_up=M missing=… extra=… trend_windows_differing=…
 * catchup_contacts_per_s=…}. The broker is the caller's: the command line starts an embedded
 * one, the integration test its own.
 */
public final class CatchupBench {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final int EXAMPLES = 5;

  private CatchupBench() {}

  /**
   * What to measure.
   *
   * @param perWeek contacts in an ordinary week of the scenario; 100 to 5,000,000
   * @param seed generator seed: same seed, same traffic
   * @param warmupDays days of traffic before the measured days, for the baselines; 0 to 28
   * @param measuredDays days with surges (day 1) and the new reason (day 2); 1 to 7
   * @param partitions partitions of every topic on the broker; at least 1
   * @param threads Kafka Streams threads of the analyzer; at least 1
   * @param quiet how long neither lag nor output may be seen before it counts as caught up
   * @param timeout the longest the catch-up may take
   */
  public record Options(int perWeek, long seed, int warmupDays, int measuredDays, int partitions,
      int threads, Duration quiet, Duration timeout) {
    public Options {
      if (warmupDays < 0 || warmupDays > 28) {
        throw new IllegalArgumentException("warm-up days must be 0 to 28: " + warmupDays);
      }
      if (partitions < 1 || partitions > 1000) {
        throw new IllegalArgumentException("partitions must be 1 to 1000: " + partitions);
      }
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("stream threads must be 1 to 64: " + threads);
      }
      if (quiet.isNegative() || quiet.isZero() || timeout.compareTo(quiet) <= 0) {
        throw new IllegalArgumentException("the quiet period must be positive and shorter than "
            + "the timeout: " + quiet + ", " + timeout);
      }
      scenario(perWeek, seed, warmupDays, measuredDays); // validates the rest
    }

    /**
     * 15,000 contacts a week, seed 42, the weekend as warm-up, Monday and Tuesday measured
     * (two surges and the new reason; about 6,800 contacts, 4 minutes on 2 busy cores), 6
     * partitions, 2 threads, 30 s quiet, 10 min timeout.
     */
    public static Options defaults() {
      return new Options(15_000, 42, 2, 2, 6, 2, Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    InsightScenario.Options scenario() {
      return scenario(perWeek, seed, warmupDays, measuredDays);
    }

    private static InsightScenario.Options scenario(int perWeek, long seed, int warmupDays,
        int measuredDays) {
      return new InsightScenario.Options((warmupDays + 6) / 7, perWeek, seed, measuredDays);
    }
  }

  /**
   * The outcome of a run.
   *
   * @param settled false when the catch-up hit the timeout before it went quiet
   */
  public record Report(Result comparison, int contacts, double catchupSeconds, boolean settled) {
    /** Contacts per second from the analyzer's start to its last activity. */
    public double contactsPerSecond() {
      return contacts / Math.max(catchupSeconds, 1e-9);
    }

    public boolean identical() {
      return comparison.identical();
    }

    /** The machine-readable last line. */
    public String line() {
      return String.format(Locale.ROOT, "result: %s catchup_contacts_per_s=%.0f",
          comparison.counts(), contactsPerSecond());
    }
  }

  /** Runs the whole comparison on the broker at {@code bootstrapServers}; prints the result. */
  public static int run(Options options, String bootstrapServers, PrintStream out) {
    out.println(measure(options, plan -> true, bootstrapServers, out).line());
    return 0;
  }

  /**
   * Runs the comparison over the scenario's contacts that {@code kept} accepts (a test keeps a
   * few hours) and prints everything but the result line. The broker must not have the
   * catalogue's topics yet.
   */
  public static Report measure(Options options, Predicate<Planned> kept, String bootstrapServers,
      PrintStream out) {
    return measure(options, kept, bootstrapServers, Map.of(), out);
  }

  /**
   * As {@link #measure(Options, Predicate, String, PrintStream)}, with analyzer settings (by their
   * variable names) for both the reference and the catch-up, e.g. a shorter disorder tolerance.
   */
  public static Report measure(Options options, Predicate<Planned> kept, String bootstrapServers,
      Map<String, String> analyzerSettings, PrintStream out) {
    long t0 = System.nanoTime();
    Taxonomy taxonomy = TaxonomyLoader.loadDefault(RuleParser.check());
    InsightScenario scenario = InsightScenario.generate(taxonomy, options.scenario());
    GroundTruth truth = scenario.truth();
    Instant from = truth.measuredStart().atZone(InsightScenario.ZONE)
        .minusDays(options.warmupDays()).toInstant();
    Topics topics = Topics.defaults();
    CatchupTraffic traffic = CatchupTraffic.of(scenario,
        kept.and(plan -> !plan.occurredAt().isBefore(from)), topics);
    describe(options, truth, traffic, out, (System.nanoTime() - t0) / 1e9);

    ScratchDir scratch = ScratchDir.create("waarom-bench-catchup");
    Path stateDirs = scratch.path();
    try {
      Config reference = config(bootstrapServers, stateDirs.resolve("reference"),
          analyzerSettings);
      Config broker = config(bootstrapServers, stateDirs.resolve("catchup"), analyzerSettings);
      // the production classifier for the default taxonomy (no training file)
      try (Classifier classifier = new Classifier(taxonomy, Language.NL, new ModelOptions(
          List.of(), broker.get(AnalyzerSettings.MODEL_MIN_CONFIDENCE)))) {
        SimpleMeterRegistry referenceMetrics = new SimpleMeterRegistry();
        CatchupReference.Outcome ref = CatchupReference.run(traffic, reference, topics,
            classifier, AnalyzerApp.streamsProperties(reference), referenceMetrics);
        out.printf(Locale.ROOT, "reference (TopologyTestDriver, in arrival order): %d insights, "
                + "%,d trend windows, %.1f s; dropped by Kafka Streams %,d; late or dropped "
                + "in the analyzer: %s%n", ref.outputs().insights().size(),
            ref.outputs().trendCounts().size(), ref.seconds(), ref.dropped(),
            lateCounts(referenceMetrics));

        BrokerCatchup.createTopics(bootstrapServers, broker.kafkaClients(), topics,
            options.partitions());
        double published = BrokerCatchup.publish(bootstrapServers, broker.kafkaClients(),
            traffic);
        out.printf(Locale.ROOT, "published %,d contacts to %d partitions per contact topic in "
            + "%.1f s, analyzer stopped%n", traffic.size(), options.partitions(), published);
        Properties streams = AnalyzerApp.streamsProperties(broker);
        streams.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
        out.printf(Locale.ROOT, "analyzer started: %s threads, %s, commit interval %s ms%n",
            options.threads(), streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
            streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        SimpleMeterRegistry catchupMetrics = new SimpleMeterRegistry();
        BrokerCatchup.Outcome caught = BrokerCatchup.catchUp(broker, streams, options.partitions(), topics, classifier,
            catchupMetrics, options.quiet(), options.timeout(), out);
        out.printf(Locale.ROOT, "caught up (lag 0, then %d s without lag or output) after "
                + "%.1f s: %d insights, %,d trend windows; dropped by Kafka Streams %,d; late or "
                + "dropped in the analyzer: %s%n", options.quiet().toSeconds(), caught.seconds(),
            caught.outputs().insights().size(), caught.outputs().trendCounts().size(),
            caught.dropped(), lateCounts(catchupMetrics));
        if (!caught.settled()) {
          out.printf(Locale.ROOT, "WARNING: still busy after the timeout of %d s; the caught-up "
              + "outputs are incomplete%n", options.timeout().toSeconds());
        }
        Result result = CatchupComparison.compare(ref.outputs(), caught.outputs());
        examples(result, out);
        out.printf(Locale.ROOT, "total run time %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new Report(result, traffic.size(), caught.seconds(), caught.settled());
      }
    } finally {
      scratch.close();
    }
  }

  /** The analyzer's default configuration, pointed at the broker and a state directory. */
  private static Config config(String bootstrapServers, Path stateDir,
      Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put(AnalyzerSettings.BOOTSTRAP_SERVERS.env(), bootstrapServers);
    env.put(AnalyzerSettings.STATE_DIR.env(), stateDir.toString());
    return Config.load(AnalyzerSettings.all(), env);
  }

  private static void describe(Options options, GroundTruth truth, CatchupTraffic traffic,
      PrintStream out, double seconds) {
    out.printf(Locale.ROOT, "scenario: seed %d, ~%,d contacts/week, %d warm-up day(s) + %d "
            + "measured day(s); %,d contacts from %s to %s, generated in %.1f s%n",
        options.seed(), options.perWeek(), options.warmupDays(), options.measuredDays(),
        traffic.size(), local(traffic.first()), local(traffic.last()), seconds);
    for (Incident i : truth.incidents()) {
      if (!i.start().isBefore(traffic.first()) && i.start().isBefore(traffic.last())) {
        out.printf(Locale.ROOT, "  surge: %s ×%.0f from %s for %d min%n", i.reasonId(),
            i.factor(), local(i.start()), Duration.between(i.start(), i.end()).toMinutes());
      }
    }
    if (truth.newReason() != null && truth.newReason().rampStart().isBefore(traffic.last())) {
      out.printf(Locale.ROOT, "  new reason from %s%n", local(truth.newReason().rampStart()));
    }
  }

  /**
   * The analyzer's own counters of contacts it set aside as too late or dropped, summed per
   * metric (waarom.analyzer. left off; the ordering's per hop): where a difference comes from.
   */
  private static Map<String, Long> lateCounts(MeterRegistry registry) {
    Map<String, Long> counts = new TreeMap<>();
    for (Meter meter : registry.getMeters()) {
      String name = meter.getId().getName();
      if (meter instanceof Counter c && name.startsWith("waarom.analyzer.")
          && (name.contains("late") || name.contains("dropped"))) {
        String hop = c.getId().getTag("hop");
        counts.merge(name.substring("waarom.analyzer.".length())
            + (hop == null ? "" : "{" + hop + "}"), (long) c.count(), Long::sum);
      }
    }
    return counts;
  }

  private static void examples(Result result, PrintStream out) {
    out.printf(Locale.ROOT, "insights missing after the catch-up: %d%n", result.missing().size());
    result.missing().stream().limit(EXAMPLES).forEach(d -> out.println("  " + d));
    out.printf(Locale.ROOT, "insights extra after the catch-up: %d%n", result.extra().size());
    result.extra().stream().limit(EXAMPLES).forEach(d -> out.println("  " + d));
    out.printf(Locale.ROOT, "trend windows whose final count differs: %d%n",
        result.differingWindows().size());
    result.differingWindows().stream().limit(EXAMPLES).forEach(d -> out.println("  " + d));
  }

  private static String local(Instant instant) {
    return instant == null ? "-" : LOCAL.format(instant.atZone(InsightScenario.ZONE));
  }
}

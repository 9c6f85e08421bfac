package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.streams.order.EventTimeOrder;
import nl.waarom.analyzer.trends.TrendRollupProcessor;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order-independence of the whole analyzer (STYLE habit 18): three days of traffic on the three
 * channel topics, with a planted outage surge (a SPIKE), a day on which many customers come back
 * about a delivery (a REPEAT_HOTSPOT) and a new unexplained phrase family (an EMERGING_REASON),
 * replayed through the production topology (real classifier, default settings) in event-time
 * order, in shuffled orders that displace each contact by less than the disorder tolerance
 * (default 2 min), and with the channel topics read at different paces (all chat of a 2-hour
 * block first, then its calls, then its emails: a displacement of up to 2 hours, so that run sets
 * {@code WAAROM_ANALYZER_DISORDER_TOLERANCE} to 3 hours). The wall clock moves with the arrivals,
 * as if live, and the ordering is flushed at the end. Every run must give the same insights, the
 * same final reason-trends and explained-share windows and the same repeat marks, and nothing may
 * be late at any hop.
 */
class OrderIndependenceTest {
  private static final Instant START = Instant.parse("2026-11-23T18:00:00Z"); // a Monday
  /** Until Thursday 01:00: Tuesday is judged for repeats 24 h after it ended. */
  private static final long SPAN_MINUTES = 2 * 24 * 60 + 7 * 60;
  private static final Duration TOLERANCE = Duration.ofMinutes(2);
  private static final Duration BLOCK = Duration.ofHours(2);
  /** The wall clock follows the arrivals in steps of at least this (never ahead of them). */
  private static final Duration STEP = Duration.ofMinutes(5);
  /**
   * Longer than any pause between two arrivals here, so no source looks quiet while contacts are
   * still arriving and none is read after its watermark: the runs can also assert that nothing was
   * late (see {@link #shuffledAcrossLullsWithTheDefaultIdleTimeoutGivesTheSameOutputs} for the
   * default).
   */
  private static final Duration IDLE = Duration.ofHours(12);
  private static final Instant SURGE = Instant.parse("2026-11-25T11:00:00Z");
  private static final Instant HOTSPOT_DAY = Instant.parse("2026-11-24T00:00:00Z");
  private static final Instant NEW_REASON = Instant.parse("2026-11-25T14:00:00Z");
  private static final Channel[] CHANNELS = {Channel.CHAT, Channel.CALL, Channel.EMAIL};
  private static final Map<String, List<String>> TEXTS = Map.of(
      "outage", List.of("storing", "Er is een storing bij mij thuis", "no internet since today"),
      "moving", List.of("ik ga verhuizen", "Ik ga verhuizen, wat moet ik regelen?"),
      "payment", List.of("the payment link does not work",
          "De betaallink in jullie mail werkt niet"),
      "delivery", List.of("Where is my parcel? I ordered it last week."),
      "chatter", List.of("ik heb een vraag", "zit ik hier goed", "I have a general question",
          "I just wanted to check something", "ik wil graag iemand spreken", "hallo",
          "I would like to speak to someone", "ik heb een algemene vraag"));
  /** Peak contacts a minute of each kind (office hours; a tenth at night). */
  private static final Map<String, Double> PEAK = Map.of("outage", 0.15, "moving", 0.1,
      "payment", 0.1, "delivery", 0.04, "chatter", 0.2);
  private static final List<String> NEW_PHRASES = List.of(
      "na de update zijn mijn instellingen weg",
      "sinds de laatste update zijn mijn instellingen verdwenen",
      "door de nieuwe update ben ik al mijn instellingen kwijt",
      "the app update deleted my settings",
      "since the latest update all my settings have been wiped",
      "my settings disappeared after the update");

  private static Classifier classifier;
  private static List<Contact> contacts;
  private static Outputs reference;
  @TempDir Path stateDirs;

  /** A contact and when it is read. */
  private record Arrival(Contact contact, long at) {}

  /** What a run produced, in forms that do not depend on the order of output records. */
  private record Outputs(List<String> insights, Map<String, String> trends,
      Map<String, String> shares, Map<String, String> repeatOf, double late, double dropped) {}

  @BeforeAll
  static void generate() {
    classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
    contacts = traffic(new Random(20261123));
  }

  @AfterAll
  static void closeClassifier() {
    classifier.close();
  }

  @Test
  void shuffledWithinTheToleranceGivesTheSameOutputs() {
    Outputs inOrder = reference();
    for (long seed : new long[] {1, 2, 3}) {
      Random random = new Random(seed);
      Outputs shuffled = run(arrivals(c -> c.getOccurredAt().toEpochMilli()
          + (long) (random.nextDouble() * TOLERANCE.toMillis())), TOLERANCE);
      assertSameOutputs(shuffled, inOrder, "shuffle " + seed);
    }
  }

  @Test
  void channelTopicsReadAtDifferentPacesGiveTheSameOutputs() {
    Outputs inOrder = reference();
    // Chat is read live; a block's calls and emails only at the block's end, calls first.
    long block = BLOCK.toMillis();
    List<Arrival> arrivals = new ArrayList<>();
    for (Contact c : contacts) {
      long at = c.getOccurredAt().toEpochMilli();
      long end = Math.floorDiv(at, block) * block + block;
      arrivals.add(new Arrival(c, switch (c.getChannel()) {
        case CHAT -> at;
        case CALL -> end;
        default -> end + 1; // email
      }));
    }
    arrivals.sort(Comparator.comparingLong(Arrival::at)
        .thenComparing(a -> a.contact().getOccurredAt()));

    assertSameOutputs(run(arrivals, BLOCK.plus(Duration.ofHours(1))), inOrder, "paced");
  }

  /** Whole outputs compared; a failure names only the entries that differ. */
  private static void assertSameOutputs(Outputs actual, Outputs expected, String run) {
    assertSameOutputs(actual, expected, run, true);
  }

  private static void assertSameOutputs(Outputs actual, Outputs expected, String run,
      boolean noneLate) {
    assertThat(actual.insights()).as(run + ": insights").isEqualTo(expected.insights());
    assertThat(difference(actual.trends(), expected.trends())).as(run + ": reason-trends")
        .isEmpty();
    assertThat(difference(actual.shares(), expected.shares())).as(run + ": explained-share")
        .isEmpty();
    assertThat(difference(actual.repeatOf(), expected.repeatOf())).as(run + ": repeatOf")
        .isEmpty();
    if (noneLate) {
      assertThat(actual.late()).as(run + ": late at a hop").isEqualTo(0.0);
    }
    assertThat(actual.dropped()).as(run + ": trend events dropped")
        .isEqualTo(expected.dropped());
  }

  /** key → "actual != expected" for every key whose values differ (or is in one map only). */
  private static Map<String, String> difference(Map<String, String> actual,
      Map<String, String> expected) {
    Map<String, String> out = new TreeMap<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
    keys.addAll(expected.keySet());
    for (String key : keys) {
      if (!java.util.Objects.equals(actual.get(key), expected.get(key))) {
        out.put(key, actual.get(key) + " != " + expected.get(key));
      }
    }
    return out;
  }

  /**
   * The same shuffles with the default idle timeout (10 s). This test moves the wall clock in
   * steps of minutes, so a source often looks quiet for longer than the idle timeout plus the
   * tolerance while contacts are still arriving, and some contacts are then read after its
   * watermark: they are placed where they were read (their order time), and the outputs must
   * still equal the in-order run's.
   */
  @Test
  void shuffledAcrossLullsWithTheDefaultIdleTimeoutGivesTheSameOutputs() {
    Random random = new Random(1);
    Outputs shuffled = run(arrivals(c -> c.getOccurredAt().toEpochMilli()
        + (long) (random.nextDouble() * TOLERANCE.toMillis())), TOLERANCE, Duration.ofSeconds(10));
    assertSameOutputs(shuffled, reference(), "shuffle with the default idle timeout", false);
  }

  /** The event-time-order run, once for both tests; it must hold every kind of insight. */
  private Outputs reference() {
    if (reference == null) {
      reference = run(arrivals(c -> c.getOccurredAt().toEpochMilli()), TOLERANCE);
      System.out.printf("order-independence reference: %d contacts, %d insights %s, %d trend "
              + "windows, %d explained-share windows, %d repeats, late %s, dropped %s%n",
          contacts.size(), reference.insights().size(), reference.insights(),
          reference.trends().size(), reference.shares().size(),
          reference.repeatOf().values().stream().filter(r -> !r.equals("-")).count(),
          reference.late(), reference.dropped());
      assertThat(reference.late()).isEqualTo(0.0);
      assertThat(reference.insights()).anyMatch(i -> i.startsWith("spike:outage:"));
      assertThat(reference.insights()).anyMatch(i -> i.contains("|REPEAT_HOTSPOT|"));
      assertThat(reference.insights()).anyMatch(i -> i.contains("|EMERGING_REASON|"));
      assertThat(reference.repeatOf()).hasSize(contacts.size());
      assertThat(reference.repeatOf().values()).filteredOn(r -> !r.equals("-")).hasSizeGreaterThan(40);
      assertThat(reference.trends()).hasSizeGreaterThan(500);
      assertThat(reference.shares()).hasSizeGreaterThan(500);
    }
    return reference;
  }

  private static List<Arrival> arrivals(ToLongFunction<Contact> arrival) {
    List<Arrival> out = new ArrayList<>();
    contacts.forEach(c -> out.add(new Arrival(c, arrival.applyAsLong(c))));
    out.sort(Comparator.comparingLong(Arrival::at)
        .thenComparing(a -> a.contact().getContactId()));
    return out;
  }

  /** Pipes the arrivals with the wall clock following them, flushes, and collects the outputs. */
  private Outputs run(List<Arrival> arrivals, Duration tolerance) {
    return run(arrivals, tolerance, IDLE);
  }

  private Outputs run(List<Arrival> arrivals, Duration tolerance, Duration idle) {
    Path stateDir;
    try {
      // RocksDB checkpoints at every piped record: in memory where the machine has it
      Path shm = Path.of("/dev/shm");
      stateDir = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "waarom-order") : Files.createTempDirectory(stateDirs, "run");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Config config = Config.load(AnalyzerSettings.all(), Map.of(
        "WAAROM_ANALYZER_STATE_DIR", stateDir.toString(),
        "WAAROM_ANALYZER_DISORDER_TOLERANCE", tolerance.toSeconds() + "s",
        "WAAROM_ANALYZER_IDLE_TIMEOUT", idle.toSeconds() + "s"));
    Properties props = AnalyzerApp.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try {
      return replay(arrivals, config, props);
    } finally {
      try (var files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private Outputs replay(List<Arrival> arrivals, Config config, Properties props) {
    Topics topics = Topics.defaults();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Duration idle = config.get(AnalyzerSettings.IDLE_TIMEOUT);
    Instant wallClock = Instant.ofEpochMilli(arrivals.get(0).at());
    try (TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(config), topics, classifier, registry), props, wallClock)) {
      Map<Channel, TestInputTopic<String, byte[]>> inputs = new EnumMap<>(Channel.class);
      for (Channel channel : CHANNELS) {
        inputs.put(channel, driver.createInputTopic(topics.contactsFor(channel).name(),
            new StringSerializer(), new ByteArraySerializer()));
      }
      Serializer<Contact> serializer = topics.contactsChat.valueSerde().serializer();
      TestOutputTopic<String, Insight> insights = output(driver, topics.insights);
      TestOutputTopic<String, ReasonTrend> trends = output(driver, topics.reasonTrends);
      TestOutputTopic<String, ExplainedShare> shares = output(driver, topics.explainedShare);
      TestOutputTopic<String, ClassifiedContact> classified = output(driver, topics.classified);
      List<String> fired = new ArrayList<>();
      Map<String, String> trendWindows = new TreeMap<>();
      Map<String, String> shareWindows = new TreeMap<>();
      Map<String, String> repeatOf = new TreeMap<>();
      Runnable drain = () -> {
        insights.readKeyValuesToList().forEach(kv -> fired.add(insight(kv)));
        trends.readKeyValuesToList().forEach(kv -> trendWindows.put(kv.key, trend(kv.value)));
        shares.readKeyValuesToList().forEach(kv -> shareWindows.put(kv.key, kv.value.getTotal()
            + "/" + kv.value.getExplained() + "/" + kv.value.getShare()));
        // each contact once as classified, and a repeat once more, marked, after the ordering
        classified.readKeyValuesToList().forEach(kv -> assertThat(kv.value.getRepeatOf() == null
            ? repeatOf.put(kv.key, "-") : repeatOf.put(kv.key, kv.value.getRepeatOf()))
            .isEqualTo(kv.value.getRepeatOf() == null ? null : "-"));
      };
      int piped = 0;
      for (Arrival arrival : arrivals) {
        Instant at = Instant.ofEpochMilli(arrival.at());
        if (at.isAfter(wallClock.plus(STEP))) {
          driver.advanceWallClockTime(Duration.between(wallClock, at));
          wallClock = at;
        }
        Contact contact = arrival.contact();
        inputs.get(contact.getChannel()).pipeInput(contact.getContactId(),
            serializer.serialize("", contact), at);
        if (++piped % 500 == 0) {
          drain.run();
        }
      }
      // The end of the input: the source goes idle, the first hop releases everything and the
      // later hops pass that on.
      driver.advanceWallClockTime(idle.plus(Duration.ofHours(4))); // quiet beyond any tolerance used here
      for (int round = 0; round < 3; round++) {
        driver.advanceWallClockTime(idle.plusSeconds(1));
      }
      drain.run();
      assertThat(output(driver, topics.deadLetters).isEmpty()).isTrue();
      fired.sort(null);
      return new Outputs(fired, trendWindows, shareWindows, repeatOf,
          registry.find(EventTimeOrder.LATE).counters().stream().mapToDouble(Counter::count).sum(),
          registry.find(TrendRollupProcessor.DROPPED).counters().stream()
              .mapToDouble(Counter::count).sum());
    }
  }

  private static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver,
      Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }

  private static String insight(KeyValue<String, Insight> kv) {
    Insight i = kv.value;
    assertThat(i.getInsightId()).isEqualTo(kv.key);
    return i.getInsightId() + "|" + i.getKind() + "|" + i.getReasonId() + "|" + i.getCount();
  }

  private static String trend(ReasonTrend t) {
    return t.getCount() + "/" + t.getHandleCount() + "/" + t.getHandleMillisTotal() + "/"
        + t.getRepeatCount() + "/" + t.getRepeatsComplete() + "/" + t.getBaseline();
  }

  /** The scenario's contacts in event-time order (ties by id). */
  private static List<Contact> traffic(Random random) {
    List<Contact> out = new ArrayList<>();
    int[] seq = {0};
    for (long minute = 0; minute < SPAN_MINUTES; minute++) {
      Instant start = START.plus(Duration.ofMinutes(minute));
      for (String kind : List.of("outage", "moving", "payment", "delivery", "chatter")) {
        int n = poisson(PEAK.get(kind) * office(start), random);
        for (int k = 0; k < n; k++) {
          List<String> texts = TEXTS.get(kind);
          out.add(contact(kind + "-" + seq[0]++, null, start.plusMillis(random.nextInt(60_000)),
              texts.get(random.nextInt(texts.size())), random));
        }
      }
    }
    // The surge: three outage contacts a minute more for 20 minutes, about a wijk.
    for (int i = 0; i < 60; i++) {
      out.add(contact("surge-" + i, null, SURGE.plusMillis(i * 20_000L + random.nextInt(20_000)),
          "Er is een storing in mijn wijk", random));
    }
    // The repeat hotspot: 25 customers ask about a delivery three times on one day.
    for (int i = 0; i < 25; i++) {
      Instant first = HOTSPOT_DAY.plus(Duration.ofHours(9)).plusSeconds(i * 600L + 7);
      String customer = "parcel-customer-" + i;
      out.add(contact("hot-" + i + "-a", customer, first, TEXTS.get("delivery").get(0), random));
      out.add(contact("hot-" + i + "-b", customer, first.plus(Duration.ofMinutes(40)),
          "Where is my parcel? I still have nothing.", random));
      out.add(contact("hot-" + i + "-c", customer, first.plus(Duration.ofHours(5)),
          "Where is my parcel? Third time I ask.", random));
    }
    // The new reason: 30 contacts in two hours no rule knows.
    for (int i = 0; i < 30; i++) {
      out.add(contact("new-" + i, null, NEW_REASON.plusSeconds(i * 240L + random.nextInt(240)),
          NEW_PHRASES.get(random.nextInt(NEW_PHRASES.size())), random));
    }
    out.sort(Comparator.comparing(Contact::getOccurredAt).thenComparing(Contact::getContactId));
    return out;
  }

  private static Contact contact(String id, String customer, Instant at, String text,
      Random random) {
    Contact contact = customerSays(id, CHANNELS[random.nextInt(CHANNELS.length)], at, text);
    if (customer != null) {
      contact.setCustomerKey(customer);
    }
    return contact;
  }

  /** Office rhythm: full 9-17 UTC on weekdays, a tenth at night, ramps in between. */
  private static double office(Instant minute) {
    var t = minute.atZone(ZoneOffset.UTC);
    double hour = t.getHour() + t.getMinute() / 60.0;
    double day = hour < 7 || hour >= 21 ? 0.1 : hour < 9 ? 0.1 + 0.45 * (hour - 7)
        : hour < 17 ? 1.0 : 1.0 - 0.225 * (hour - 17);
    boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY
        || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    return day * (weekend ? 0.4 : 1.0);
  }

  private static int poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > limit);
    return k - 1;
  }
}

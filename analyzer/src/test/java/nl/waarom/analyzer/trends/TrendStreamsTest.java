package nl.waarom.analyzer.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import nl.waarom.analyzer.streams.order.OrderOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production trend wiring ({@link TrendStreams}) fed with classified contacts built here
 * (including repeats, which the classifier alone does not produce), on controlled event time.
 */
class TrendStreamsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // a Monday
  private static final Duration WEEK = Duration.ofDays(7);
  private static final TrendOptions OPTIONS = new TrendOptions(Duration.ofMinutes(5),
      Duration.ofHours(48), 15, 4, Duration.ofDays(7));

  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ClassifiedContact> input;
  private TestOutputTopic<String, ReasonTrend> trends;
  private TestOutputTopic<String, ExplainedShare> shares;

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    TrendStreams.add(builder.stream("classified-in",
        Consumed.with(Serdes.String(), topics.classified.valueSerde())), OPTIONS, topics,
        new OrderOptions(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(1), 1), null,
        registry);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trends-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props, T0.minus(Duration.ofHours(1)));
    input = driver.createInputTopic("classified-in", new StringSerializer(),
        topics.classified.valueSerde().serializer());
    trends = driver.createOutputTopic(topics.reasonTrends.name(),
        topics.reasonTrends.keySerde().deserializer(),
        topics.reasonTrends.valueSerde().deserializer());
    shares = driver.createOutputTopic(topics.explainedShare.name(),
        topics.explainedShare.keySerde().deserializer(),
        topics.explainedShare.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static ClassifiedContact contact(String id, String reason, Channel channel, Instant at,
      Long handleMillis) {
    return ClassifiedContact.newBuilder().setContactId(id).setChannel(channel).setOccurredAt(at)
        .setHandleMillis(handleMillis).setTaxonomyVersion("test")
        .setReasons(reason == null ? List.of()
            : List.of(new ReasonMatch(reason, 0.9, ReasonSource.RULE, List.of())))
        .setUnexplained(reason == null).build();
  }

  private static ClassifiedContact repeat(String id, String reason, Channel channel, Instant at,
      ClassifiedContact earlier) {
    return ClassifiedContact.newBuilder(contact(id, reason, channel, at, null))
        .setRepeatOf(earlier.getContactId()).setRepeatOfOccurredAt(earlier.getOccurredAt())
        .setRepeatOfChannel(earlier.getChannel()).build();
  }

  /** Pipes with record time = occurredAt, as the classifier does. */
  private void pipe(ClassifiedContact contact) {
    input.pipeInput(contact.getContactId(), contact, contact.getOccurredAt());
    // the ordering releases it once the (only) source went idle and the hop passed that on
    driver.advanceWallClockTime(Duration.ofSeconds(11));
    driver.advanceWallClockTime(Duration.ofSeconds(11));
  }

  private Map<String, ReasonTrend> latestTrends() {
    return trends.readKeyValuesToMap();
  }

  private double dropped(String stream, String window, String cause) {
    var counter = registry.find(TrendRollupProcessor.DROPPED)
        .tags("stream", stream, "window", window, "cause", cause).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void countsAndHandleTimesRollUpInto1And15And60MinuteWindows() {
    pipe(contact("a", "outage", Channel.CHAT, T0.plusSeconds(10), 60_000L));
    pipe(contact("b", "outage", Channel.CHAT, T0.plusSeconds(50), null));
    pipe(contact("c", "outage", Channel.CHAT, T0.plusSeconds(16 * 60), 120_000L));
    pipe(contact("d", "outage", Channel.CALL, T0.plusSeconds(20 * 60), 30_000L));
    pipe(contact("e", "outage", Channel.CHAT, T0.plusSeconds(61 * 60), 10_000L));

    Map<String, String> latest = latestTrends().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().getCount() + "/" + e.getValue().getHandleCount()
            + "/" + e.getValue().getHandleMillisTotal()));

    assertThat(latest).isEqualTo(Map.ofEntries(
        Map.entry("outage|CHAT|1|2026-11-23T10:00:00Z", "2/1/60000"),
        Map.entry("outage|CHAT|1|2026-11-23T10:16:00Z", "1/1/120000"),
        Map.entry("outage|CALL|1|2026-11-23T10:20:00Z", "1/1/30000"),
        Map.entry("outage|CHAT|1|2026-11-23T11:01:00Z", "1/1/10000"),
        Map.entry("outage|CHAT|15|2026-11-23T10:00:00Z", "2/1/60000"),
        Map.entry("outage|CHAT|15|2026-11-23T10:15:00Z", "1/1/120000"),
        Map.entry("outage|CALL|15|2026-11-23T10:15:00Z", "1/1/30000"),
        Map.entry("outage|CHAT|15|2026-11-23T11:00:00Z", "1/1/10000"),
        Map.entry("outage|CHAT|60|2026-11-23T10:00:00Z", "3/2/180000"),
        Map.entry("outage|CALL|60|2026-11-23T10:00:00Z", "1/1/30000"),
        Map.entry("outage|CHAT|60|2026-11-23T11:00:00Z", "1/1/10000")));
  }

  private static ClassifiedContact withSentiment(ClassifiedContact contact, Boolean negative) {
    return ClassifiedContact.newBuilder(contact).setCustomerNegative(negative).build();
  }

  @Test
  void negativeContactsAreCountedPerReasonAndChannelAmongThoseWithASentiment() {
    pipe(withSentiment(contact("a", "outage", Channel.CHAT, T0.plusSeconds(10), null), true));
    pipe(withSentiment(contact("b", "outage", Channel.CHAT, T0.plusSeconds(20), null), false));
    pipe(withSentiment(contact("c", "outage", Channel.CHAT, T0.plusSeconds(30), null), true));
    pipe(withSentiment(contact("d", "outage", Channel.CHAT, T0.plusSeconds(40), null), null));
    pipe(withSentiment(contact("e", "outage", Channel.CALL, T0.plusSeconds(70), null), false));
    pipe(withSentiment(contact("f", "billing", Channel.CHAT, T0.plusSeconds(80), null), true));

    Map<String, String> latest = latestTrends().entrySet().stream()
        .filter(e -> e.getKey().contains("|15|"))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getCount() + " contacts, "
            + e.getValue().getNegativeCount() + " of " + e.getValue().getSentimentCount()
            + " negative"));

    assertThat(latest).isEqualTo(Map.of(
        "outage|CHAT|15|2026-11-23T10:00:00Z", "4 contacts, 2 of 3 negative",
        "outage|CALL|15|2026-11-23T10:00:00Z", "1 contacts, 0 of 1 negative",
        "billing|CHAT|15|2026-11-23T10:00:00Z", "1 contacts, 1 of 1 negative"));
  }

  private static ClassifiedContact askingCallback(ClassifiedContact contact) {
    return ClassifiedContact.newBuilder(contact).setCallbackRequested(true).build();
  }

  @Test
  void callbackRequestsAreCountedPerReasonChannelAndWindowOfEverySize() {
    ClassifiedContact a = askingCallback(contact("a", "outage", Channel.CHAT, T0.plusSeconds(10),
        null));
    pipe(a);
    pipe(contact("b", "outage", Channel.CHAT, T0.plusSeconds(20), null));
    pipe(askingCallback(contact("c", "outage", Channel.CHAT, T0.plusSeconds(70), null)));
    pipe(askingCallback(contact("d", "outage", Channel.CALL, T0.plusSeconds(80), null)));
    pipe(askingCallback(contact("e", "outage", Channel.CHAT, T0.plusSeconds(16 * 60), null)));
    // a repeat asking again counts as an arrival in its own window, never back in a's
    pipe(askingCallback(repeat("f", "outage", Channel.CHAT, T0.plusSeconds(17 * 60), a)));

    Map<String, String> latest = latestTrends().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getCallbackCount() + " of "
            + e.getValue().getCount() + ", " + e.getValue().getRepeatCount() + " repeated"));

    assertThat(latest).isEqualTo(Map.ofEntries(
        // 1-minute windows are kept a quarter of an hour: f's repeat finds a's no longer
        Map.entry("outage|CHAT|1|2026-11-23T10:00:00Z", "1 of 2, 0 repeated"),
        Map.entry("outage|CHAT|1|2026-11-23T10:01:00Z", "1 of 1, 0 repeated"),
        Map.entry("outage|CALL|1|2026-11-23T10:01:00Z", "1 of 1, 0 repeated"),
        Map.entry("outage|CHAT|1|2026-11-23T10:16:00Z", "1 of 1, 0 repeated"),
        Map.entry("outage|CHAT|1|2026-11-23T10:17:00Z", "1 of 1, 0 repeated"),
        Map.entry("outage|CHAT|15|2026-11-23T10:00:00Z", "2 of 3, 1 repeated"),
        Map.entry("outage|CALL|15|2026-11-23T10:00:00Z", "1 of 1, 0 repeated"),
        Map.entry("outage|CHAT|15|2026-11-23T10:15:00Z", "2 of 2, 0 repeated"),
        Map.entry("outage|CHAT|60|2026-11-23T10:00:00Z", "4 of 5, 1 repeated"),
        Map.entry("outage|CALL|60|2026-11-23T10:00:00Z", "1 of 1, 0 repeated")));
  }

  @Test
  void aLateContactCountsWithinTheGraceOfEachSizeAndIsDroppedAndCountedBeyondIt() {
    pipe(contact("now", "outage", Channel.EMAIL, T0.plusSeconds(5 * 60 + 59), null));
    // 10:00:30 arrives when stream time is 10:05:59: the 1-minute window closes at 10:06.
    pipe(contact("late", "outage", Channel.EMAIL, T0.plusSeconds(30), null));
    pipe(contact("later", "outage", Channel.EMAIL, T0.plusSeconds(6 * 60), null));
    // Stream time 10:06: the 1-minute window of 10:00 is closed, the longer ones are not.
    pipe(contact("too-late", "outage", Channel.EMAIL, T0.plusSeconds(40), null));

    Map<String, ReasonTrend> latest = latestTrends();
    assertThat(latest.get("outage|EMAIL|1|2026-11-23T10:00:00Z").getCount()).isEqualTo(1);
    assertThat(latest.get("outage|EMAIL|15|2026-11-23T10:00:00Z").getCount()).isEqualTo(4);
    assertThat(dropped("trends", "1m", "late")).isEqualTo(1.0);
    assertThat(dropped("explained", "1m", "late")).isEqualTo(1.0);

    // An email answered the next day still counts in yesterday's hour; after 48 hours it does not.
    pipe(contact("tomorrow", "outage", Channel.EMAIL, T0.plus(Duration.ofHours(26)), null));
    pipe(contact("yesterday", "outage", Channel.EMAIL, T0.plusSeconds(50), null));
    assertThat(latestTrends().get("outage|EMAIL|60|2026-11-23T10:00:00Z").getCount())
        .isEqualTo(5);
    pipe(contact("days-later", "outage", Channel.EMAIL, T0.plus(Duration.ofHours(49)), null));
    pipe(contact("too-old", "outage", Channel.EMAIL, T0.plusSeconds(55), null));
    assertThat(latestTrends()).doesNotContainKey("outage|EMAIL|60|2026-11-23T10:00:00Z");
    assertThat(dropped("trends", "15m", "late")).isEqualTo(1.0);
    assertThat(dropped("trends", "60m", "late")).isEqualTo(1.0);
    assertThat(dropped("trends", "1m", "late")).isEqualTo(3.0);
    assertThat(shares.readKeyValuesToMap().get("60|2026-11-23T10:00:00Z").getTotal())
        .isEqualTo(5);
  }

  @Test
  void aRepeatCountsInTheEarlierContactsWindowsUntilItsRepeatWindowHasPassed() {
    ClassifiedContact first = contact("first", "billing", Channel.CHAT, T0.plusSeconds(5 * 60),
        null);
    pipe(first);
    pipe(contact("other", "billing", Channel.CALL, T0.plusSeconds(9 * 60), null));
    trends.readRecordsToList();
    // The same customer calls 15 minutes later: the chat's windows get the repeat.
    pipe(repeat("second", "billing", Channel.CALL, T0.plusSeconds(20 * 60), first));

    List<KeyValue<String, ReasonTrend>> out = trends.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key + " count=" + kv.value.getCount() + " repeats="
        + kv.value.getRepeatCount() + " complete=" + kv.value.getRepeatsComplete())
        .containsExactly(
            "billing|CALL|1|2026-11-23T10:20:00Z count=1 repeats=0 complete=false",
            "billing|CALL|15|2026-11-23T10:15:00Z count=1 repeats=0 complete=false",
            "billing|CALL|60|2026-11-23T10:00:00Z count=2 repeats=0 complete=false",
            "billing|CHAT|1|2026-11-23T10:05:00Z count=1 repeats=1 complete=false",
            "billing|CHAT|15|2026-11-23T10:00:00Z count=1 repeats=1 complete=false",
            "billing|CHAT|60|2026-11-23T10:00:00Z count=1 repeats=1 complete=false");

    // Three days later: the 1- and 15-minute windows are gone, the hour still counts repeats.
    pipe(repeat("third", "billing", Channel.EMAIL, T0.plus(Duration.ofDays(3)), first));
    assertThat(latestTrends().get("billing|CHAT|60|2026-11-23T10:00:00Z").getRepeatCount())
        .isEqualTo(2);
    assertThat(dropped("trends", "1m", "expired")).isEqualTo(1.0);
    assertThat(dropped("trends", "15m", "expired")).isEqualTo(1.0);

    // Once the hour's end plus 7 days has passed in event time, it is published as complete.
    pipe(contact("next-week", "outage", Channel.CHAT, T0.plus(WEEK).plusSeconds(59 * 60), null));
    assertThat(latestTrends()).doesNotContainKey("billing|CHAT|60|2026-11-23T10:00:00Z");
    pipe(contact("next-week-2", "outage", Channel.CHAT, T0.plus(WEEK).plusSeconds(61 * 60), null));
    Map<String, ReasonTrend> latest = latestTrends();
    assertThat(latest.get("billing|CHAT|60|2026-11-23T10:00:00Z").getRepeatCount()).isEqualTo(2);
    assertThat(latest.get("billing|CHAT|60|2026-11-23T10:00:00Z").getRepeatsComplete()).isTrue();
    assertThat(latest.get("billing|CALL|60|2026-11-23T10:00:00Z").getRepeatsComplete()).isTrue();
    assertThat(latest.get("outage|CHAT|60|2026-11-30T11:00:00Z").getRepeatsComplete()).isFalse();
  }

  @Test
  void theHourlyBaselineIsTheSameHourOfPreviousWeeksWeightedTowardsTheLatest() {
    for (int i = 0; i < 4; i++) {
      pipe(contact("w0-" + i, "outage", Channel.CHAT, T0.plusSeconds(60L * i), null));
    }
    pipe(contact("w0-next-hour", "outage", Channel.CHAT, T0.plusSeconds(3600), null));
    // Without an earlier week watched: the trailing mean of the previous 15 hours.
    assertThat(latestTrends().get("outage|CHAT|60|2026-11-23T11:00:00Z").getBaseline())
        .isEqualTo(4.0 / 15);

    pipe(contact("w1", "outage", Channel.CHAT, T0.plus(WEEK).plusSeconds(90), null));
    ReasonTrend week1 = latestTrends().get("outage|CHAT|60|2026-11-30T10:00:00Z");
    assertThat(week1.getBaseline()).isEqualTo(4.0);
    assertThat(week1.getDeviation()).isEqualTo(0.25);

    pipe(contact("w2", "outage", Channel.CHAT, T0.plus(WEEK.multipliedBy(2)).plusSeconds(90),
        null));
    // Weights 4 (last week: 1 contact) and 3 (two weeks ago: 4 contacts).
    assertThat(latestTrends().get("outage|CHAT|60|2026-12-07T10:00:00Z").getBaseline())
        .isEqualTo((4 * 1 + 3 * 4) / 7.0);
    // Minute and quarter windows keep the trailing mean of their own size: nothing recent.
    assertThat(latestTrends().get("outage|CHAT|15|2026-12-07T10:00:00Z")).isNull();
  }

  @Test
  void theExplainedShareIsCountedPerWindowOverAllChannelsAndTheGaugeShowsTheLastEndedQuarter() {
    assertThat(registry.get(ExplainedShareGauge.METRIC).gauge().value()).isNaN();
    pipe(contact("a", "outage", Channel.CHAT, T0.plusSeconds(10), null));
    pipe(contact("b", null, Channel.CALL, T0.plusSeconds(20), null));
    pipe(contact("c", "billing", Channel.EMAIL, T0.plusSeconds(14 * 60), null));
    pipe(contact("d", null, Channel.EMAIL, T0.plusSeconds(14 * 60 + 1), null));
    // The quarter has not ended yet.
    assertThat(registry.get(ExplainedShareGauge.METRIC).gauge().value()).isNaN();
    pipe(contact("e", "outage", Channel.CHAT, T0.plusSeconds(15 * 60), null));

    assertThat(shares.readKeyValuesToMap()).isEqualTo(Map.of(
        "1|2026-11-23T10:00:00Z", share(1, T0, 2, 1),
        "1|2026-11-23T10:14:00Z", share(1, T0.plusSeconds(14 * 60), 2, 1),
        "1|2026-11-23T10:15:00Z", share(1, T0.plusSeconds(15 * 60), 1, 1),
        "15|2026-11-23T10:00:00Z", share(15, T0, 4, 2),
        "15|2026-11-23T10:15:00Z", share(15, T0.plusSeconds(15 * 60), 1, 1),
        "60|2026-11-23T10:00:00Z", share(60, T0, 5, 3)));
    assertThat(registry.get(ExplainedShareGauge.METRIC).gauge().value()).isEqualTo(0.5);

    // A late explained contact of the ended quarter moves the gauge.
    pipe(contact("late", "billing", Channel.EMAIL, T0.plusSeconds(5 * 60), null));
    assertThat(registry.get(ExplainedShareGauge.METRIC).gauge().value()).isEqualTo(0.6);
  }

  @Test
  void windowsAreDeletedOnceTheyAreNoLongerRetained() {
    pipe(contact("a", "outage", Channel.CHAT, T0.plusSeconds(10), null));
    pipe(contact("b", "outage", Channel.CHAT, T0.plusSeconds(70), null));
    assertThat(storedWindows("reason-trends-1m")).hasSize(2);
    assertThat(storedWindows("explained-share-1m")).hasSize(2);

    // 1-minute windows are kept 16 minutes (trailing baseline), their shares 6 (window + grace).
    pipe(contact("c", "outage", Channel.CHAT, T0.plusSeconds(16 * 60 + 30), null));
    assertThat(storedWindows("reason-trends-1m")).containsExactly(
        "t|0001795428060000|outage|CHAT", "t|0001795428960000|outage|CHAT");
    assertThat(storedWindows("explained-share-1m")).containsExactly("t|0001795428960000|all");
    assertThat(storedWindows("reason-trends-60m")).containsExactly(
        "t|0001795428000000|outage|CHAT");
  }

  private List<String> storedWindows(String store) {
    List<String> keys = new java.util.ArrayList<>();
    try (var it = driver.<String, Object>getKeyValueStore(store).all()) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    return keys;
  }

  private static ExplainedShare share(int minutes, Instant start, long total, long explained) {
    return new ExplainedShare(start, start.plusSeconds(60L * minutes), minutes, total, explained,
        (double) explained / total);
  }
}

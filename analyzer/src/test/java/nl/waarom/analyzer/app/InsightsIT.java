package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insight detectors on a real broker: a short scenario of steady traffic on three channels,
 * a surge of one reason concentrated in a campaign, and a new reason no rule knows is replayed in
 * event time through the running analyzer; the insights topic must carry an explained SPIKE of
 * the surged reason and an EMERGING_REASON with the new reason's phrases, and nothing for the
 * steady reasons. The topics have the default three partitions, so the replay is read out of
 * event-time order and the detectors must still see it in order.
 */
class InsightsIT {
  private static final Duration WAIT = Duration.ofSeconds(240);
  private static final List<String> STEADY = List.of("ik ga verhuizen naar een nieuw adres",
      "waar is mijn pakket, het is nog niet bezorgd", "ik begrijp mijn factuur niet",
      "I want to cancel my subscription", "my parcel has not arrived yet",
      "ik wil mijn abonnement opzeggen");
  private static final List<String> NEW_REASON = List.of(
      "since the update all my settings are gone",
      "na de update zijn al mijn instellingen weg",
      "the latest update deleted my settings again",
      "sinds de update zijn mijn instellingen verdwenen",
      "after the update my settings were reset");
  /** Questions no reason covers, the background of unexplained contacts. */
  private static final List<String> CHATTER = List.of("hoe laat is het nu eigenlijk",
      "kun je een grap vertellen", "what is the weather like tomorrow",
      "wat is de hoofdstad van frankrijk", "do you like music", "ik verveel me een beetje",
      "what time does the game start", "welke dag is het vandaag", "tell me something fun",
      "hoeveel kilometer is een marathon", "what is your favourite colour",
      "weet jij een goed recept voor soep", "how tall is the eiffel tower",
      "speel je graag spelletjes", "who won the world cup", "wat betekent dit woord");
  private static KafkaBroker broker;

  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aSurgeBecomesAnExplainedSpikeAndANewReasonAnEmergingReason() {
    Topics topics = Topics.withPrefix("insights.");
    // in the past: the broker refuses timestamps more than an hour ahead of its clock
    Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
    Map<Channel, Map<String, Contact>> byChannel = new EnumMap<>(Channel.class);
    int n = 0;
    // four hours: the first two are the background the last two are compared with
    for (int minute = 0; minute < 240; minute++) {
      Instant at = base.plus(Duration.ofMinutes(minute));
      for (int i = 0; i < 2; i++) { // unexplained chatter, 2 a minute
        add(byChannel, customerSays("chatter-" + n, channel(n), at.plusSeconds(15 + i * 25L),
            CHATTER.get((minute * 2 + i) % CHATTER.size())));
        n++;
      }
      for (int i = 0; i < 6; i++) { // steady traffic: 6 a minute over six reasons
        add(byChannel, customerSays("steady-" + n, channel(n), at.plusSeconds(i * 9L),
            STEADY.get((minute + i) % STEADY.size())));
        n++;
      }
      if (minute % 2 == 0) { // one payment problem every two minutes
        add(byChannel, customerSays("pay-" + n, channel(n), at.plusSeconds(30),
            "de betaallink werkt niet"));
        n++;
      }
      if (minute >= 200 && minute < 206) { // the surge: 6 a minute, from one campaign mail
        for (int i = 0; i < 6; i++) {
          Contact c = customerSays("surge-" + n, channel(n), at.plusSeconds(5 + i * 9L),
              "de betaallink uit de mail werkt niet");
          c.setAttributes(Map.of("campaign", "winter-mail"));
          add(byChannel, c);
          n++;
        }
      }
      if (minute >= 210 && minute < 230) { // the new reason: 2 a minute, 40 in all
        for (int i = 0; i < 2; i++) {
          add(byChannel, customerSays("new-" + n, channel(n), at.plusSeconds(20 + i * 20L),
              NEW_REASON.get((minute + i) % NEW_REASON.size())));
          n++;
        }
      }
    }

    List<Insight> insights = new ArrayList<>();
    try (AnalyzerApp app = AnalyzerApp.start(env());
        KafkaConsumer<String, Insight> consumer = broker.consumer(topics.insights)) {
      await().atMost(WAIT).until(app::isRunning);
      produceInEventTimeOrder(topics, byChannel);
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, Insight> r : consumer.poll(Duration.ofMillis(500))) {
          assertThat(r.key()).isEqualTo(r.value().getInsightId());
          insights.add(r.value());
        }
        return spike(insights).isPresent() && emerging(insights).isPresent();
      });
    }

    Insight spike = spike(insights).orElseThrow();
    assertThat(spike.getInsightId()).startsWith("spike:payment-problem:");
    assertThat(spike.getWindowStart()).isBetween(base.plus(Duration.ofMinutes(198)),
        base.plus(Duration.ofMinutes(206)));
    assertThat(spike.getSignals()).extracting(InsightSignal::getKind, InsightSignal::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple(SignalKind.ATTRIBUTE, "winter-mail"));
    assertThat(spike.getReasonName()).isEqualTo("Payment problem");
    assertThat(spike.getExcessContacts()).isPositive();
    assertThat(spike.getExcessContacts()).isLessThanOrEqualTo(spike.getCount());
    Insight emerging = emerging(insights).orElseThrow();
    assertThat(String.join(" ", emerging.getCandidateTerms())).contains("update");
    assertThat(emerging.getDraftedRule()).isNotBlank();
    assertThat(emerging.getExamples()).allSatisfy(e -> assertThat(e.getContactId())
        .startsWith("new-"));
    assertThat(insights).filteredOn(i -> i.getKind() == InsightKind.SPIKE)
        .extracting(Insight::getReasonId).containsOnly("payment-problem");
  }

  private static Optional<Insight> spike(List<Insight> insights) {
    return insights.stream().filter(i -> i.getKind() == InsightKind.SPIKE)
        .filter(i -> "payment-problem".equals(i.getReasonId())).findFirst();
  }

  private static Optional<Insight> emerging(List<Insight> insights) {
    return insights.stream().filter(i -> i.getKind() == InsightKind.EMERGING_REASON)
        .filter(i -> String.join(" ", i.getCandidateTerms()).contains("update")).findFirst();
  }

  /**
   * Like a replay of history: every contact on its channel's topic in the order it happened, with
   * its occurredAt as the record timestamp, so the application reads the three topics in step.
   */
  private static void produceInEventTimeOrder(Topics topics,
      Map<Channel, Map<String, Contact>> byChannel) {
    List<Contact> all = new ArrayList<>();
    byChannel.values().forEach(m -> all.addAll(m.values()));
    all.sort(java.util.Comparator.comparing(Contact::getOccurredAt));
    java.util.Properties p = new java.util.Properties();
    p.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers());
    p.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    var topic = topics.contactsChat;
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(p,
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (Contact c : all) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
            topics.contactsFor(c.getChannel()).name(), null, c.getOccurredAt().toEpochMilli(),
            c.getContactId(), c));
      }
      producer.flush();
    }
  }

  private static Channel channel(int n) {
    return List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL).get(n % 3);
  }

  private static void add(Map<Channel, Map<String, Contact>> byChannel, Contact c) {
    byChannel.computeIfAbsent(c.getChannel(), k -> new LinkedHashMap<>()).put(c.getContactId(), c);
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", "insights.");
    env.put("WAAROM_ANALYZER_APPLICATION_ID", "analyzer-insights-it");
    env.put("WAAROM_ANALYZER_STATE_DIR", stateDir.toString());
    env.put("WAAROM_ANALYZER_PORT", "0");
    // The default partition count (3): replaying hours of history in seconds lets the tasks
    // upstream of each repartition run hours apart; the event-time ordering must hide that.
    return env;
  }
}

package nl.waarom.analyzer.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a unit test (its name keeps it out of the default test run; it takes minutes): a week of
 * realistic unexplained traffic through the emerging branch, measuring false EMERGING_REASON
 * insights and the delay of a new reason. Background texts: the public CLINC150 utterances
 * ({@code -Dwaarom.data=DIR}, a folder holding {@code clinc150/train_with_oos.csv}; never copied
 * into the repository), intents in a
 * Zipf mix; about 15,000 unexplained contacts a week with weekday office-hour peaks, quieter
 * evenings and weekends, ±12 % day-to-day noise on Poisson, 20 % of emails 1-30 h late. From
 * Thursday 09:00 a new reason ("app update deletes my settings", Dutch and English variants)
 * rises from 6 to 30 contacts an hour. Run:
 * {@code ./mvnw -B -o -q test -pl analyzer -Dtest=EmergingWeekRun -Dwaarom.data=DIR
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EmergingWeekRun {
  private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant NEW_REASON = Instant.parse("2026-11-26T09:00:00Z");
  @TempDir Path stateDir;

  private record Arrival(Instant at, ClassifiedContact contact) { }

  @Test
  void aWeekOfUnexplainedTraffic() throws Exception {
    String dir = System.getProperty("waarom.data");
    assertThat(dir).as("-Dwaarom.data=DIR, the folder holding clinc150/train_with_oos.csv")
        .isNotBlank();
    Path data = Path.of(dir);
    List<LabeledText> clinc = CsvExamples.read(data.resolve("clinc150/train_with_oos.csv"),
        "text", "label");
    Map<String, List<String>> byIntent = new LinkedHashMap<>();
    clinc.forEach(t -> byIntent.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t.text()));
    List<List<String>> intents = new ArrayList<>(byIntent.values());
    double[] zipf = new double[intents.size()];
    double sum = 0;
    for (int i = 0; i < zipf.length; i++) {
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    Random random = new Random(2026);
    UnexplainedTraffic family = new UnexplainedTraffic(99);
    List<Arrival> arrivals = new ArrayList<>();
    List<Instant> familyTimes = new ArrayList<>();
    int n = 0;
    for (int day = 0; day < 7; day++) {
      double noise = 1 + 0.12 * random.nextGaussian();
      for (int hour = 0; hour < 24; hour++) {
        Instant start = MONDAY.plus(Duration.ofDays(day).plusHours(hour));
        double rate = 210 * noise * rhythm(day, hour);
        int count = poisson(random, rate);
        for (int i = 0; i < count; i++) {
          Instant at = start.plusMillis((long) (random.nextDouble() * 3_600_000));
          double u = random.nextDouble() * sum;
          int intent = 0;
          while (zipf[intent] < u) {
            intent++;
          }
          List<String> texts = intents.get(intent);
          String text = texts.get(random.nextInt(texts.size()));
          arrivals.add(arrival(random, family.contact("bg-" + n++, at, text)));
        }
        if (!start.isBefore(NEW_REASON) && rhythm(day, hour) >= 1.0) {
          double newRate = Math.min(30, 6 * Math.pow(2, Duration.between(NEW_REASON, start)
              .toHours() / 2.0));
          for (int i = 0; i < poisson(random, newRate); i++) {
            Instant at = start.plusMillis((long) (random.nextDouble() * 3_600_000));
            ClassifiedContact c = family.family(at);
            familyTimes.add(at);
            arrivals.add(arrival(random, c));
          }
        }
      }
    }
    arrivals.sort(Comparator.comparing(Arrival::at));
    familyTimes.sort(Comparator.naturalOrder());

    Topics topics = Topics.defaults();
    StreamsBuilder builder = new StreamsBuilder();
    EmergingTopology.detect(builder.stream("by-reason",
            Consumed.with(Serdes.String(), topics.classified.valueSerde())),
        EmergingOptions.defaults(1.0), new SimpleMeterRegistry())
        .to(topics.insights.name(),
            Produced.with(topics.insights.keySerde(), topics.insights.valueSerde()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "emerging-week");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    List<Insight> insights = new ArrayList<>();
    long started = System.nanoTime();
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, ClassifiedContact> in = driver.createInputTopic("by-reason",
          Serdes.String().serializer(), topics.classified.valueSerde().serializer());
      TestOutputTopic<String, Insight> out = driver.createOutputTopic(topics.insights.name(),
          Serdes.String().deserializer(), topics.insights.valueSerde().deserializer());
      for (Arrival a : arrivals) {
        in.pipeInput("unexplained", a.contact(), a.contact().getOccurredAt());
        insights.addAll(out.readValuesToList());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Instant thirtieth = familyTimes.get(29);
    Insight found = insights.stream().filter(i -> i.getCandidateTerms().stream()
        .anyMatch(t -> t.contains("settings") || t.contains("instellingen")
            || t.contains("app update"))).findFirst().orElse(null);
    long falses = insights.stream().filter(i -> i != found && !i.getCandidateTerms().stream()
        .anyMatch(t -> t.contains("settings") || t.contains("instellingen")
            || t.contains("update"))).count();
    for (Insight i : insights) {
      System.out.println("insight " + i.getInsightId() + " at " + i.getDetectedAt() + " count "
          + i.getCount() + " terms " + i.getCandidateTerms() + " rule " + i.getDraftedRule());
    }
    long delay = found == null ? -1
        : Duration.between(thirtieth, found.getDetectedAt()).toSeconds();
    System.out.printf("result: contacts=%d family=%d replay_s=%.1f emerging_delay_s=%d "
            + "false_emerging_per_week=%d%n", arrivals.size(), familyTimes.size(), seconds, delay,
        falses);
    assertThat(found).isNotNull();
    assertThat(delay).isLessThanOrEqualTo(600);
    assertThat(falses).isLessThanOrEqualTo(1);
  }

  /** Share of the weekday office-hour rate at this hour. */
  private static double rhythm(int day, int hour) {
    boolean weekend = day >= 5;
    double r = hour >= 8 && hour < 18 ? 1.0 : hour >= 6 && hour < 22 ? 0.3 : 0.05;
    return weekend ? r * 0.4 : r;
  }

  /** Emails (a fifth of contacts): a fifth of them are handled 1-30 hours late. */
  private static Arrival arrival(Random random, ClassifiedContact c) {
    Instant at = c.getOccurredAt();
    if (random.nextDouble() < 0.2 * 0.2) {
      at = at.plus(Duration.ofMinutes(60 + random.nextInt(29 * 60)));
    }
    return new Arrival(at, c);
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    if (mean > 50) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}

package nl.waarom.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.waarom.tools.bench.InsightScenario.Incident;
import nl.waarom.tools.bench.InsightScenario.Kind;
import nl.waarom.tools.bench.InsightScenario.Options;
import nl.waarom.tools.bench.InsightScenario.Planned;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenario generator: determinism, weekly rhythm, mix, late emails, ground truth, texts. */
class InsightScenarioTest {
  private static Taxonomy taxonomy;
  private static Classifier classifier;
  /** One warm-up week and a whole measured week at 20,000 contacts a week. */
  private static InsightScenario scenario;

  @BeforeAll
  static void generate() {
    taxonomy = TaxonomyLoader.loadDefault(RuleParser.check());
    classifier = new Classifier(taxonomy);
    scenario = InsightScenario.generate(taxonomy, new Options(1, 14_000, 7, 7));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void theSameSeedGivesTheSameScenarioAndAnotherSeedAnotherOne() {
    Options options = new Options(0, 2_000, 11, 3);
    InsightScenario a = InsightScenario.generate(taxonomy, options);
    InsightScenario b = InsightScenario.generate(taxonomy, options);
    InsightScenario c = InsightScenario.generate(taxonomy, new Options(0, 2_000, 12, 3));

    assertThat(a.arrivals()).isEqualTo(b.arrivals());
    assertThat(a.truth()).isEqualTo(b.truth());
    assertThat(a.arrivals()).map(a::contact).isEqualTo(b.arrivals().stream().map(b::contact)
        .toList());
    assertThat(c.arrivals()).isNotEqualTo(a.arrivals());
  }

  @Test
  void weeklyRhythmPeaksInOfficeHoursIsLowAtNightAndLowerInTheWeekend() {
    List<Planned> warmup = warmupWeek(p -> p.kind() == Kind.NORMAL || p.kind() == Kind.CHATTER);
    Map<DayOfWeek, Integer> perDay = new TreeMap<>();
    int[] perHour = new int[24];
    for (Planned p : warmup) {
      ZonedDateTime local = p.occurredAt().atZone(InsightScenario.ZONE);
      perDay.merge(local.getDayOfWeek(), 1, Integer::sum);
      if (local.getDayOfWeek().getValue() <= 5) {
        perHour[local.getHour()]++;
      }
    }
    double weekday = (perDay.get(DayOfWeek.TUESDAY) + perDay.get(DayOfWeek.WEDNESDAY)
        + perDay.get(DayOfWeek.THURSDAY) + perDay.get(DayOfWeek.FRIDAY)) / 4.0;

    assertThat(perHour[10]).isGreaterThan(20 * Math.max(1, perHour[3]));
    assertThat(perHour[10]).isGreaterThan(perHour[12]); // lunch dip
    assertThat(perHour[14]).isGreaterThan(perHour[12]);
    assertThat(perHour[10]).isGreaterThan(2 * perHour[19]); // evenings low
    assertThat(perDay.get(DayOfWeek.MONDAY)).isGreaterThan((int) (1.05 * weekday));
    assertThat(perDay.get(DayOfWeek.SATURDAY) / weekday).isBetween(0.3, 0.5);
    assertThat(perDay.get(DayOfWeek.SUNDAY) / weekday).isBetween(0.12, 0.28);
    // The whole week, repeats and transfers included, is close to the requested volume.
    assertThat(warmupWeek(p -> true)).hasSizeBetween(12_000, 16_000);
  }

  @Test
  void chatterIsTwelveToEighteenPercentAndTheTopReasonTenToFifteen() {
    List<Planned> week = warmupWeek(p -> true);
    long chatter = week.stream().filter(p -> p.reasonId() == null).count();
    Map<String, Integer> perReason = new HashMap<>();
    week.stream().filter(p -> p.reasonId() != null)
        .forEach(p -> perReason.merge(p.reasonId(), 1, Integer::sum));
    String top = scenario.reasonShares().keySet().iterator().next();

    assertThat(chatter / (double) week.size()).isBetween(0.12, 0.18);
    assertThat(perReason.get(top) / (double) week.size()).isBetween(0.10, 0.15);
    assertThat(perReason.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isEqualTo(perReason.get(top));
  }

  @Test
  void aFifthOfEmailsArriveOneToThirtyHoursLateAndArrivalsAreInArrivalOrder() {
    List<Planned> emails = scenario.arrivals().stream()
        .filter(p -> p.channel() == Channel.EMAIL).toList();
    List<Planned> late = emails.stream().filter(p -> p.arrivesAt().isAfter(p.occurredAt())).toList();

    assertThat(late.size() / (double) emails.size()).isBetween(0.17, 0.23);
    assertThat(late).allSatisfy(p -> assertThat(Duration.between(p.occurredAt(), p.arrivesAt()))
        .isBetween(Duration.ofHours(1), Duration.ofHours(30)));
    assertThat(scenario.arrivals()).filteredOn(p -> p.channel() != Channel.EMAIL)
        .allSatisfy(p -> assertThat(p.arrivesAt()).isEqualTo(p.occurredAt()));
    assertThat(scenario.arrivals()).isSortedAccordingTo(
        java.util.Comparator.comparing(Planned::arrivesAt));
    // ... so a late email arrives after contacts that happened after it.
    int firstLate = scenario.arrivals().indexOf(late.get(0));
    assertThat(scenario.arrivals().subList(0, firstLate))
        .anySatisfy(p -> assertThat(p.occurredAt()).isAfter(late.get(0).occurredAt()));
  }

  @Test
  void groundTruthMatchesTheInjectedContacts() {
    InsightScenario.GroundTruth truth = scenario.truth();
    assertThat(truth.incidents()).hasSize(4);
    assertThat(truth.incidents()).extracting(Incident::reasonId).doesNotHaveDuplicates();
    for (Incident incident : truth.incidents()) {
      assertThat(incident.start()).isAfterOrEqualTo(truth.measuredStart());
      assertThat(incident.end()).isBefore(truth.measuredEnd());
      assertThat(Duration.between(incident.start(), incident.end()))
          .isBetween(Duration.ofMinutes(30), Duration.ofMinutes(90));
      List<Planned> surge = scenario.arrivals().stream()
          .filter(p -> p.kind() == Kind.SURGE && p.incident() == incident.index()).toList();
      assertThat(surge).isNotEmpty().allSatisfy(p -> {
        assertThat(p.reasonId()).isEqualTo(incident.reasonId());
        assertThat(p.occurredAt()).isBetween(incident.start(), incident.end());
      });
      // 5x: the surge adds about four times what the reason normally has in that window.
      long normal = scenario.arrivals().stream().filter(p -> p.kind() == Kind.NORMAL
          && incident.reasonId().equals(p.reasonId())
          && !p.occurredAt().isBefore(incident.start()) && p.occurredAt().isBefore(incident.end()))
          .count();
      assertThat(surge.size() / (double) Math.max(1, normal)).isBetween(2.0, 8.0);
    }
    // Surges come in busy and in quiet hours.
    assertThat(truth.incidents()).anySatisfy(i -> assertThat(
        i.start().atZone(InsightScenario.ZONE).getHour()).isBetween(9, 16));
    assertThat(truth.incidents()).anySatisfy(i -> assertThat(
        i.start().atZone(InsightScenario.ZONE).getHour()).isGreaterThanOrEqualTo(18));

    InsightScenario.NewReason newReason = truth.newReason();
    List<Instant> times = scenario.arrivals().stream()
        .filter(p -> InsightScenario.NEW_REASON.equals(p.reasonId())).map(Planned::occurredAt)
        .sorted().toList();
    assertThat(newReason.contactTimes()).isEqualTo(times);
    assertThat(times.get(0)).isAfterOrEqualTo(newReason.rampStart());
    assertThat(newReason.nth(30)).isNotNull().isAfter(newReason.rampStart().plus(Duration.ofMinutes(30)));
    // Nothing in the warm-up, and it grows: the ramp's second hour has more than its first.
    long firstHour = times.stream().filter(t -> t.isBefore(newReason.rampStart().plusSeconds(3600)))
        .count();
    long secondHour = times.stream().filter(t -> !t.isBefore(newReason.rampStart().plusSeconds(3600))
        && t.isBefore(newReason.rampStart().plusSeconds(7200))).count();
    assertThat(secondHour).isGreaterThan(firstHour);
  }

  @Test
  void repeatsAndTransfersFollowTheSameCustomerAndReason() {
    Map<String, List<Planned>> byCustomer = new HashMap<>();
    scenario.arrivals().forEach(p -> byCustomer.computeIfAbsent(p.customerKey(),
        k -> new java.util.ArrayList<>()).add(p));
    List<Planned> transfers = scenario.arrivals().stream().filter(p -> p.kind() == Kind.TRANSFER)
        .toList();
    List<Planned> repeats = scenario.arrivals().stream().filter(p -> p.kind() == Kind.REPEAT)
        .toList();

    assertThat(transfers).isNotEmpty().allSatisfy(t -> assertThat(byCustomer.get(t.customerKey()))
        .anySatisfy(o -> {
          assertThat(o.reasonId()).isEqualTo(t.reasonId());
          assertThat(Duration.between(o.occurredAt(), t.occurredAt()))
              .isBetween(Duration.ofMinutes(2), Duration.ofMinutes(10));
        }));
    assertThat(repeats.size() / (double) scenario.arrivals().size()).isBetween(0.06, 0.11);
    assertThat(repeats).filteredOn(r -> byCustomer.get(r.customerKey()).stream().anyMatch(o ->
        o.channel() != r.channel() && o.reasonId() != null && o.reasonId().equals(r.reasonId())))
        .isNotEmpty();
  }

  @Test
  void generatedTextsAreMostlyClassifiedAsTheirReasonByTheRealClassifier() {
    assertThat(agreement(p -> p.kind() == Kind.NORMAL, 1_500)).isGreaterThan(0.85);
    assertThat(agreement(p -> p.kind() == Kind.SURGE, 400)).isGreaterThan(0.85);
    assertThat(agreement(p -> p.reasonId() == null, 400)).isGreaterThan(0.85);
    assertThat(agreement(p -> InsightScenario.NEW_REASON.equals(p.reasonId()), 300))
        .isGreaterThan(0.85);
  }

  @Test
  void contactsCarryMetadata() {
    Planned call = scenario.arrivals().stream().filter(p -> p.channel() == Channel.CALL
        && p.kind() == Kind.NORMAL).findFirst().orElseThrow();
    Contact contact = scenario.contact(call);
    assertThat(contact.getIvrPath()).matches("\\d(>\\d)*");
    assertThat(contact.getQueue()).isNotBlank();
    assertThat(contact.getTalkMillis()).isPositive();
    assertThat(contact.getWrapUpMillis()).isPositive();
    assertThat(contact.getAttributes()).containsKey("product");
    assertThat(contact.getOccurredAt()).isEqualTo(call.occurredAt());
    Incident incident = scenario.truth().incidents().get(0);
    long marked = scenario.arrivals().stream().filter(p -> p.incident() == incident.index())
        .map(scenario::contact).filter(c -> incident.attributeValue()
            .equals(c.getAttributes().get(incident.attributeKey()))).count();
    assertThat(marked).isPositive();
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> new Options(0, 10, 1, 7)).hasMessageContaining("per week");
    assertThatThrownBy(() -> new Options(0, 1000, 1, 8)).hasMessageContaining("measured days");
  }

  /** Share of sampled contacts the classifier gives their planned reason (or none for chatter). */
  private static double agreement(Predicate<Planned> which, int sample) {
    List<Planned> chosen = scenario.arrivals().stream().filter(which).toList();
    int step = Math.max(1, chosen.size() / sample);
    int agree = 0;
    int total = 0;
    Map<String, Integer> misses = new TreeMap<>();
    for (int i = 0; i < chosen.size(); i += step) {
      Planned p = chosen.get(i);
      Classification c = classifier.classify(scenario.contact(p));
      String expected = p.reasonId() == null || p.reasonId().equals(InsightScenario.NEW_REASON)
          ? null : p.reasonId();
      String got = c.primary().map(ReasonScore::reasonId).orElse(null);
      if (java.util.Objects.equals(expected, got)) {
        agree++;
      } else {
        misses.merge(expected + "->" + got, 1, Integer::sum);
      }
      total++;
    }
    if (System.getenv("WAAROM_BENCH_DEBUG") != null) {
      System.out.println("agreement " + agree + "/" + total + " misses " + misses);
    }
    return agree / (double) total;
  }

  private static List<Planned> warmupWeek(Predicate<Planned> which) {
    return scenario.arrivals().stream().filter(which)
        .filter(p -> p.occurredAt().isBefore(scenario.truth().measuredStart())).toList();
  }
}

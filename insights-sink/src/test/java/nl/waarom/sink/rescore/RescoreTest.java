package nl.waarom.sink.rescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.schemas.Contact;
import nl.waarom.sink.db.NewestContacts;
import nl.waarom.sink.db.RescoreStore;
import org.junit.jupiter.api.Test;

/**
 * The counting of a re-score: which contacts count, under which reason, and where repeats go. The
 * classifier here is a function of the contact's words (the real one is run by RescoreIT): a
 * contact saying "pay" is a payment problem, "login" a login problem, anything else unexplained.
 */
class RescoreTest {
  private static final Instant FROM = Instant.parse("2026-11-17T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-24T00:00:00Z");
  private static final RepeatRule RULE = new RepeatRule(Duration.ofDays(7), Duration.ofMinutes(15));
  private static final Function<Contact, Classification> BY_WORD = c -> {
    String text = c.getTurns().isEmpty() ? "" : c.getTurns().get(0).getText().toString();
    List<ReasonScore> scores = new ArrayList<>();
    if (text.contains("pay")) {
      scores.add(score("payment-problem"));
    }
    if (text.contains("login")) {
      scores.add(score("login-problem"));
    }
    return new Classification(scores);
  };

  private final List<RescoreStore.Window> minutes = new ArrayList<>();
  private final Rescore rescore = new Rescore(FROM, TO, BY_WORD,
      Set.of("payment-problem", "login-problem", "other"), RULE, minutes::addAll);

  @Test
  void countsTheContactsOfThePeriodUnderTheirNewReasonAndFlushesMinutesAsTheyPass() {
    accept(words("a", "2026-11-16T23:59:00Z", "k1", "I cannot pay")); // before: chains only
    accept(words("b", "2026-11-17T10:00:10Z", "k2", "pay link broken"));
    accept(words("c", "2026-11-17T10:00:50Z", "k3", "nothing known"));
    assertThat(minutes).isEmpty(); // 10:00 may still get contacts
    accept(words("d", "2026-11-17T10:01:00Z", "k4", "login fails"));
    assertThat(minutes).extracting(RescoreStore.Window::reasonId, RescoreStore.Window::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("payment-problem", 1L),
            org.assertj.core.groups.Tuple.tuple(Rescore.UNEXPLAINED, 1L));
    accept(words("e", "2026-11-24T00:00:00Z", "k5", "pay again")); // after: repeats only

    List<RescoreStore.Window> hours = rescore.finish();
    assertThat(hours).extracting(RescoreStore.Window::reasonId, RescoreStore.Window::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("payment-problem", 1L),
            org.assertj.core.groups.Tuple.tuple(Rescore.UNEXPLAINED, 1L),
            org.assertj.core.groups.Tuple.tuple("login-problem", 1L));
    assertThat(minutes).extracting(RescoreStore.Window::count).containsOnly(1L).hasSize(3);
    assertThat(rescore.tally()).isEqualTo(new RescoreStore.Tally(5, 3, 0, 2, 0));
  }

  @Test
  void aRepeatIsCountedBackIntoTheFirstContactsHourUnderTheRepeatsReason() {
    accept(words("a", "2026-11-16T09:00:00Z", "k1", "pay")); // before the period
    accept(words("b", "2026-11-18T09:30:00Z", "k2", "pay"));
    accept(words("c", "2026-11-18T09:40:00Z", "k2", "pay")); // a transfer: 10 min later
    accept(words("d", "2026-11-19T09:00:00Z", "k1", "pay")); // repeats a, before the period
    accept(words("e", "2026-11-20T12:00:00Z", "k2", "pay")); // repeats b
    accept(words("f", "2026-11-26T08:00:00Z", "k2", "pay")); // after the period, repeats b
    accept(words("g", "2026-11-20T13:00:00Z".replace("20T13", "26T09"), "k3", "login"));

    List<RescoreStore.Window> hours = rescore.finish();
    RescoreStore.Window nine = hours.stream()
        .filter(w -> w.start().equals(Instant.parse("2026-11-18T09:00:00Z"))).findFirst()
        .orElseThrow();
    assertThat(nine.count()).isEqualTo(2); // b and c
    assertThat(nine.repeats()).isEqualTo(2); // e and f, counted back into b's hour
    assertThat(hours).filteredOn(w -> w.start().equals(Instant.parse("2026-11-19T09:00:00Z")))
        .singleElement().satisfies(w -> assertThat(w.repeats()).isZero()); // a is not counted
    assertThat(hours).extracting(RescoreStore.Window::start)
        .allMatch(s -> !s.isBefore(FROM) && s.isBefore(TO));
  }

  @Test
  void anEditorsCorrectionStandsAndAContactWithoutWordsKeepsItsReasonOfThen() {
    accept(new RescoreStore.Contact("a", "CHAT", Instant.parse("2026-11-18T09:00:00Z"),
        row("a", "2026-11-18T09:00:00Z", "pay"), "k1", 120_000L, true, true, true, "payment-problem",
        List.of(), true, "other"));
    accept(new RescoreStore.Contact("b", "CALL", Instant.parse("2026-11-18T09:01:00Z"),
        row("b", "2026-11-18T09:01:00Z", "pay"), "k2", null, null, false, true, null, List.of(),
        true, null)); // "none of these": stays unexplained
    accept(new RescoreStore.Contact("c", "CHAT", Instant.parse("2026-11-18T09:02:00Z"),
        row("c", "2026-11-18T09:02:00Z", "login"), "k3", null, false, false, true, "gone",
        List.of(), true, "gone")); // corrected to a reason this version lacks: classified anew
    accept(new RescoreStore.Contact("d", "EMAIL", Instant.parse("2026-11-18T09:03:00Z"), null,
        "k4", 60_000L, false, true, true, "debt-collection", List.of(), false, null));
    accept(new RescoreStore.Contact("e", "EMAIL", Instant.parse("2026-11-18T09:04:00Z"), null,
        "k5", null, null, false, false, null, List.of(), false, null)); // nothing to count it under

    List<RescoreStore.Window> hours = rescore.finish();
    assertThat(hours).extracting(RescoreStore.Window::reasonId, RescoreStore.Window::channel,
            RescoreStore.Window::count, RescoreStore.Window::handleMillis,
            RescoreStore.Window::sentimentCount, RescoreStore.Window::negativeCount,
            RescoreStore.Window::callbacks)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("other", "CHAT", 1L, 120_000L, 1L, 1L, 1L),
            org.assertj.core.groups.Tuple.tuple(Rescore.UNEXPLAINED, "CALL", 1L, 0L, 0L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("login-problem", "CHAT", 1L, 0L, 1L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("debt-collection", "EMAIL", 1L, 60_000L, 1L,
                0L, 1L));
    // read 5; classified anew: c; kept: d; corrected: a, b; changed: a (payment → other),
    // c (gone → login-problem)
    assertThat(rescore.tally()).isEqualTo(new RescoreStore.Tally(5, 1, 1, 2, 2));
  }

  @Test
  void contactsOutOfEventTimeOrderAreRefused() {
    accept(words("b", "2026-11-18T09:00:00Z", "k1", "pay"));
    assertThatThrownBy(() -> accept(words("a", "2026-11-18T08:59:59Z", "k1", "pay")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
  }

  private static ReasonScore score(String reasonId) {
    return new ReasonScore(reasonId, 0.9, ReasonSource.MODEL, 0, 0, 0.9, 0.9, List.of());
  }

  private void accept(RescoreStore.Contact contact) {
    rescore.accept(contact);
  }

  private static RescoreStore.Contact words(String id, String at, String customer, String text) {
    return new RescoreStore.Contact(id, "CHAT", Instant.parse(at), row(id, at, text), customer,
        null, null, false, true, null, List.of(), false, null);
  }

  private static NewestContacts.Row row(String id, String at, String text) {
    return new NewestContacts.Row(id, "CHAT", Instant.parse(at), "en", null, null, null,
        "[{\"speaker\": \"CUSTOMER\", \"text\": \"" + text + "\", \"at\": \"" + at + "\"}]");
  }
}

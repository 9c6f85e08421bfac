package nl.waarom.analyzer.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import nl.waarom.analyzer.TestContacts;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on the default taxonomy against the default plus one reason: the rule added flips
 * exactly the contacts it names, the other contacts keep their reason, and the counts and
 * explained shares follow from that; the result does not depend on the number of threads.
 */
class BacktestTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private static final String UMBRELLA = """

        - id: lost-property
          parent: service
          name: {nl: Gevonden voorwerpen, en: Lost property}
          rules:
            - 'paraplu* OR umbrella*'
      """;
  private static Classifier inForce;
  private static Classifier candidate;

  @BeforeAll
  static void compile() {
    TaxonomyDocument builtIn = TaxonomyDocument.builtIn();
    inForce = ClassifierRecipe.DEFAULT.compile(builtIn);
    candidate = ClassifierRecipe.DEFAULT.compile(new TaxonomyDocument("new.yaml",
        builtIn.yaml().replaceFirst("(?m)^version: \"([^\"]+)\"", "version: \"$1-umbrella\"")
            .stripTrailing() + "\n" + UMBRELLA));
  }

  @AfterAll
  static void close() {
    inForce.close();
    candidate.close();
  }

  /** 4 contacts about a forgotten umbrella, 6 about a payment link, 2 that state no reason. */
  private static List<Contact> contacts() {
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      contacts.add(says("umbrella-" + i, List.of("Ik ben mijn paraplu vergeten in jullie winkel",
          "I left my umbrella in your shop", "Heeft iemand mijn paraplu gevonden?",
          "Ik heb mijn paraplu laten liggen bij de kassa").get(i)));
    }
    for (int i = 0; i < 6; i++) {
      contacts.add(says("payment-" + i, "De betaallink in jullie mail werkt niet"));
    }
    contacts.add(says("chatter-0", "Hallo, ik heb een vraag"));
    contacts.add(says("chatter-1", "Zit ik hier goed?"));
    return contacts;
  }

  private static Contact says(String id, String text) {
    return TestContacts.customerSays(id, Channel.CHAT, AT, text);
  }

  @Test
  void theAddedRuleFlipsTheContactsItNamesAndOnlyThose() throws IOException {
    List<Contact> contacts = contacts();
    BacktestResult r = Backtest.run(inForce, candidate, contacts::forEach, c -> c,
        Backtest.Options.defaults().withThreads(2));

    assertThat(r.contacts()).isEqualTo(12);
    assertThat(r.versionAfter()).isEqualTo(r.versionBefore() + "-umbrella");
    assertThat(r.reason("lost-property")).isEqualTo(new ReasonChange("lost-property", 0, 4));
    assertThat(r.reason("payment-problem")).isEqualTo(new ReasonChange("payment-problem", 6, 6));
    assertThat(r.flipped()).isEqualTo(4);
    assertThat(r.flips()).allSatisfy(g -> assertThat(g.to()).isEqualTo("lost-property"));
    assertThat(r.flips().stream().flatMap(g -> g.examples().stream()).map(Flip::contactId))
        .allMatch(id -> id.startsWith("umbrella-"));
    long unexplainedBefore = r.reason(BacktestResult.UNEXPLAINED).before();
    assertThat(r.reason(BacktestResult.UNEXPLAINED).after())
        .as("every umbrella contact that was unexplained now has a reason")
        .isEqualTo(unexplainedBefore - r.flips().stream()
            .filter(g -> g.from().equals(BacktestResult.UNEXPLAINED))
            .mapToLong(FlipGroup::count).sum());
    assertThat(r.explainedShareBefore()).isEqualTo((12.0 - unexplainedBefore) / 12);
    assertThat(r.explainedShareAfter()).isEqualTo(
        (12.0 - r.reason(BacktestResult.UNEXPLAINED).after()) / 12);
    assertThat(r.explainedShareAfter()).isGreaterThanOrEqualTo(r.explainedShareBefore());
  }

  @Test
  void examplesAreTheFirstFlipsOfTheInputWhateverTheThreads() throws IOException {
    List<Contact> many = new ArrayList<>();
    IntStream.range(0, 50).forEach(round -> contacts().forEach(c -> many.add(
        Contact.newBuilder(c).setContactId(round + "-" + c.getContactId()).build())));
    Backtest.Options small = new Backtest.Options(1, 2, 7);
    BacktestResult one = Backtest.run(inForce, candidate, many::forEach, c -> c, small);
    BacktestResult three = Backtest.run(inForce, candidate, many::forEach, c -> c,
        new Backtest.Options(3, 2, 7));

    assertThat(one.flipped()).isEqualTo(200);
    assertThat(three.flips()).isEqualTo(one.flips());
    assertThat(three.reasons()).isEqualTo(one.reasons());
    assertThat(one.flips().getFirst().examples()).hasSize(2)
        .allSatisfy(f -> assertThat(f.contactId()).startsWith("0-umbrella-"));
  }

  @Test
  void itemsTheDecoderRefusesAreLeftOutAndTheReportEndsWithTheResultLine() throws IOException {
    List<String> lines = List.of("De betaallink in jullie mail werkt niet", "", "Hallo");
    BacktestResult r = Backtest.run(inForce, candidate, lines::forEach,
        text -> text.isEmpty() ? null : says("c-" + text.length(), text),
        Backtest.Options.defaults());

    assertThat(r.contacts()).isEqualTo(2);
    assertThat(r.skipped()).isEqualTo(1);
    String report = BacktestReport.text(r, "in force", "new.yaml");
    assertThat(report.lines().toList().getLast()).matches("result: contacts=2 flipped=0 "
        + "explained_before=0\\.5000 explained_after=0\\.5000 contacts_per_s=\\d+");
    assertThat(report).contains("payment-problem", "explained share");
  }
}

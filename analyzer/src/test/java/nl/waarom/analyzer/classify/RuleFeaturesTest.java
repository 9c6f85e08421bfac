package nl.waarom.analyzer.classify;

import static nl.waarom.analyzer.TestContacts.contact;
import static nl.waarom.analyzer.TestContacts.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.taxonomy.LocalizedName;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.Test;

/** Every rule feature, each with the evidence it yields. */
class RuleFeaturesTest {
  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  private static Classifier withRules(String... rules) {
    return new Classifier(new Taxonomy("test", List.of(new Reason("r", new LocalizedName("r", "r"),
        Preventability.PREVENT, "team", List.of(rules), List.of()))));
  }

  private static Contact says(String language, Channel channel, Turn... turns) {
    return Contact.newBuilder(contact("c", channel, AT, List.of(turns))).setLanguage(language)
        .build();
  }

  private static Contact customer(String language, String text) {
    return says(language, Channel.CHAT, turn(Speaker.CUSTOMER, text));
  }

  /** The evidence of the one reason, as "turn:term@start"; empty when unexplained. */
  private static List<String> evidence(Classifier c, Contact contact) {
    return c.classify(contact).primary().map(s -> s.evidence().stream()
        .map(e -> e.turnIndex() + ":" + e.term() + "@" + e.start()).toList()).orElse(List.of());
  }

  @Test
  void orderedProximityNeedsTheOrderAndAllowsGaps() {
    try (Classifier c = withRules("fn:maxgaps(2 fn:ordered(payment link))")) {
      assertThat(evidence(c, customer("en", "the payment via this link fails")))
          .containsExactly("0:payment@4", "0:link@21");
      assertThat(evidence(c, customer("en", "the link for this payment fails"))).isEmpty();
      assertThat(evidence(c, customer("en", "payment is fine but this link fails"))).isEmpty();
    }
  }

  @Test
  void unorderedProximityAllowsEitherOrder() {
    try (Classifier c = withRules("fn:maxgaps(2 fn:unordered(payment link))")) {
      assertThat(evidence(c, customer("en", "the link for this payment fails")))
          .containsExactly("0:link@4", "0:payment@18");
      assertThat(evidence(c, customer("en", "a link, and much later on a payment"))).isEmpty();
    }
  }

  @Test
  void booleanNotExcludes() {
    try (Classifier c = withRules("factuur AND NOT betaallink")) {
      assertThat(evidence(c, customer("nl", "vraag over mijn factuur")))
          .containsExactly("0:factuur@16");
      assertThat(evidence(c, customer("nl", "de betaallink in de factuur"))).isEmpty();
    }
  }

  @Test
  void dutchStemmingMatchesOtherFormsAndWildcardsMatchTheWordAsWritten() {
    try (Classifier c = withRules("betaling", "betaal*")) {
      Classification result = c.classify(customer("nl", "twee betalingen, en ik heb betaald"));

      assertThat(result.primary().orElseThrow().matchedRules()).isEqualTo(2);
      assertThat(evidence(c, customer("nl", "twee betalingen, en ik heb betaald")))
          .containsExactly("0:betalingen@5", "0:betaald@27");
    }
  }

  @Test
  void dutchCompoundsMatchTheirHeadWithTheWholeWordAsEvidence() {
    try (Classifier c = withRules("link", "pagina", "nota")) {
      assertThat(evidence(c, customer("nl", "De betaallink werkt niet")))
          .containsExactly("0:betaallink@3");
      assertThat(evidence(c, customer("nl", "ik zie een lege betaalpagina")))
          .containsExactly("0:betaalpagina@16");
      // only a word-final head splits: notaris is not a kind of nota
      assertThat(evidence(c, customer("nl", "mijn notaris belde"))).isEmpty();
      // English text is not split
      assertThat(evidence(c, customer("en", "the paymentlink fails"))).isEmpty();
    }
  }

  @Test
  void aDutchRuleWordIsNotSplitInTheRule() {
    try (Classifier c = withRules("betaallink")) {
      assertThat(evidence(c, customer("nl", "deze link werkt niet"))).isEmpty();
      assertThat(evidence(c, customer("nl", "deze betaallink werkt niet")))
          .containsExactly("0:betaallink@5");
    }
  }

  @Test
  void speakerFieldsSearchOnlyThatSpeakerWithOffsetsIntoTheTurn() {
    Contact c = says("en", Channel.CHAT,
        turn(Speaker.BOT, "Do you want to cancel?"),
        turn(Speaker.AGENT, "You can cancel online."),
        turn(Speaker.CUSTOMER, "No, I want to cancel by phone."));
    try (Classifier agent = withRules("agent:cancel");
        Classifier customer = withRules("customer:cancel");
        Classifier any = withRules("any:cancel")) {
      assertThat(evidence(agent, c)).containsExactly("1:cancel@8");
      assertThat(evidence(customer, c)).containsExactly("2:cancel@14");
      assertThat(evidence(any, c)).containsExactly("0:cancel@15", "1:cancel@8", "2:cancel@14");
    }
  }

  @Test
  void firstHoldsTheFirstTwoCustomerTurnsOfAChat() {
    try (Classifier c = withRules("first:opzeggen")) {
      Contact early = says("nl", Channel.CHAT, turn(Speaker.AGENT, "Goedemorgen"),
          turn(Speaker.CUSTOMER, "Hallo"), turn(Speaker.AGENT, "Waarmee kan ik helpen?"),
          turn(Speaker.CUSTOMER, "Ik wil opzeggen"));
      Contact late = says("nl", Channel.CHAT, turn(Speaker.CUSTOMER, "Hallo"),
          turn(Speaker.CUSTOMER, "Een vraag"), turn(Speaker.CUSTOMER, "Ik wil opzeggen"));

      assertThat(evidence(c, early)).containsExactly("3:opzeggen@7");
      assertThat(evidence(c, late)).isEmpty();
    }
  }

  @Test
  void firstHoldsTheCustomersFirstMinuteOfACall() {
    try (Classifier c = withRules("first:storing")) {
      Contact call = says("nl", Channel.CALL,
          new Turn(Speaker.CUSTOMER, "Goedemiddag", 1_000L),
          new Turn(Speaker.CUSTOMER, "Ik bel over de storing", 45_000L),
          new Turn(Speaker.CUSTOMER, "En nog een storing", 75_000L));

      assertThat(evidence(c, call)).containsExactly("1:storing@15");
    }
  }

  @Test
  void channelAndLanguageFilterCombineWithText() {
    try (Classifier c = withRules("channel:call AND storing", "lang:en AND refund")) {
      assertThat(evidence(c, says("nl", Channel.CALL, turn(Speaker.CUSTOMER, "een storing"))))
          .containsExactly("0:storing@4");
      assertThat(evidence(c, says("nl", Channel.CHAT, turn(Speaker.CUSTOMER, "een storing"))))
          .isEmpty();
      assertThat(evidence(c, customer("en", "I want a refund"))).containsExactly("0:refund@9");
      assertThat(evidence(c, customer("nl", "refund graag"))).isEmpty();
      // stated nowhere: detected
      assertThat(evidence(c, customer(null, "I am still waiting for my refund")))
          .containsExactly("0:refund@26");
    }
  }

  @Test
  void wildcardsWorkOnKeywordFieldsToo() {
    try (Classifier c = withRules("channel:cal* AND storing")) {
      assertThat(evidence(c, says("nl", Channel.CALL, turn(Speaker.CUSTOMER, "een storing"))))
          .containsExactly("0:storing@4");
    }
  }

  @Test
  void aPhraseNeverSpansTwoTurnsInAnyField() {
    try (Classifier c = withRules("\"payment link\"~3", "first:\"payment link\"~3")) {
      Contact split = says("en", Channel.CHAT, turn(Speaker.CUSTOMER, "I made a payment"),
          turn(Speaker.CUSTOMER, "link to my account please"));

      assertThat(c.classify(split).unexplained()).isTrue();
    }
  }

  /**
   * A rule whose top level is a disjunction is selected and matched part by part (each part on
   * its own terms and fields); a contact matched by several parts gets the evidence of each.
   */
  @Test
  void eachPartOfADisjunctiveRuleIsSelectedOnItsOwnTerms() {
    try (Classifier c = withRules(
        "\"payment link\" OR (refund AND channel:email) OR agent:terugbetal*")) {
      assertThat(evidence(c, customer("en", "the payment link fails")))
          .containsExactly("0:payment link@4");
      assertThat(evidence(c, says("en", Channel.EMAIL, turn(Speaker.CUSTOMER, "I want a refund"))))
          .containsExactly("0:refund@9");
      assertThat(evidence(c, customer("en", "I want a refund"))).isEmpty();
      assertThat(evidence(c, says("nl", Channel.CHAT, turn(Speaker.CUSTOMER, "geld terug"),
          turn(Speaker.AGENT, "ik ga het terugbetalen")))).containsExactly("1:terugbetalen@10");
      assertThat(evidence(c, says("nl", Channel.CHAT, turn(Speaker.CUSTOMER, "terugbetalen?"))))
          .isEmpty();
      assertThat(evidence(c, says("en", Channel.EMAIL,
          turn(Speaker.CUSTOMER, "a refund, and the payment link fails"))))
          .containsExactly("0:refund@2", "0:payment link@18");
    }
  }
}

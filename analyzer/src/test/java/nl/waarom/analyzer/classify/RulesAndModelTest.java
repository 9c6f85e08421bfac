package nl.waarom.analyzer.classify;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Speaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How rules and the learned model combine into primary and secondary reasons. */
class RulesAndModelTest {
  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
  private static final String YAML = """
      version: "t1"
      reasons:
        - id: refund
          name: {nl: Terugbetaling, en: Refund}
          preventability: PREVENT
          owner: finance
          rules: ['refund']
          examples:
            - I want my money back for the returned jacket
            - the money for my returned shoes never came back
            - when do I get my money back after sending it back
            - I sent the item back weeks ago and still no money
            - please pay me back for the broken blender I returned
            - my money has not been paid back since the return
        - id: parcel
          name: {nl: Pakket, en: Parcel}
          preventability: SELF_SERVICE
          owner: logistics
          rules: ['tracking']
          examples:
            - when will my package get here
            - the courier did not deliver my package today
            - my package is late and nobody came to the door
            - the delivery van never showed up with my package
            - my package says delivered but it is not at my door
            - where is the package I ordered last week
      """;
  private static final double MIN_CONFIDENCE = 0.7;
  private static Classifier classifier;

  @BeforeAll
  static void build() {
    Taxonomy taxonomy = TaxonomyLoader.loadText("test.yaml", YAML, RuleParser.check());
    // Two reasons: a coin flip is already 0.5, so the model must be clearly surer than that.
    classifier = new Classifier(taxonomy, Language.EN, new ModelOptions(List.of(), MIN_CONFIDENCE));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void theModelNamesTheReasonNoRuleCaught() {
    String text = "the courier never delivered my package";
    Classification c = classifier.classify(customerSays("m1", Channel.CHAT, AT, text));
    ReasonScore primary = c.primary().orElseThrow();
    assertThat(primary.reasonId()).isEqualTo("parcel");
    assertThat(primary.source()).isEqualTo(ReasonSource.MODEL);
    assertThat(primary.confidence()).isBetween(MIN_CONFIDENCE, 1.0);
    // the words that weighed most for parcel, located in the turn like a rule's evidence
    assertThat(primary.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(ModelVote.EVIDENCE)
        .allSatisfy(e -> {
          assertThat(e.turnIndex()).isZero();
          assertThat(text.substring(e.start(), e.end())).isEqualTo(e.term());
        });
    assertThat(primary.evidence()).extracting(EvidenceSpan::term)
        .contains("package").doesNotContain("the", "my");
  }

  @Test
  void theModelsEvidencePointsIntoTheTurnItCameFrom() {
    Classification c = classifier.classify(nl.waarom.analyzer.TestContacts.contact("m6",
        Channel.CHAT, AT, List.of(
            nl.waarom.analyzer.TestContacts.turn(Speaker.AGENT, "Good morning, how can I help?"),
            nl.waarom.analyzer.TestContacts.turn(Speaker.CUSTOMER, "Hi."),
            nl.waarom.analyzer.TestContacts.turn(Speaker.CUSTOMER,
                "The delivery van never showed up with my PACKAGE"))));
    ReasonScore primary = c.primary().orElseThrow();
    assertThat(primary.source()).isEqualTo(ReasonSource.MODEL);
    assertThat(primary.evidence()).anySatisfy(e -> {
      assertThat(e.turnIndex()).isEqualTo(2);
      assertThat(e.term()).isEqualTo("PACKAGE");
      assertThat(e.start()).isEqualTo(41);
    });
  }

  @Test
  void aRuleStaysPrimaryAndTheModelAgreeingRaisesItsConfidence() {
    Classification c = classifier.classify(customerSays("m2", Channel.EMAIL, AT,
        "I want a refund, the money for my returned jacket never came back"));
    ReasonScore primary = c.primary().orElseThrow();
    assertThat(primary.reasonId()).isEqualTo("refund");
    assertThat(primary.source()).isEqualTo(ReasonSource.RULE);
    assertThat(primary.evidence()).extracting(EvidenceSpan::term).containsExactly("refund");
    assertThat(primary.confidence()).isGreaterThan(ReasonScore.ruleConfidence(1));
  }

  @Test
  void aRuleAndADifferentModelReasonGivePrimaryAndSecondaryByTheirVotes() {
    // "refund" is a rule; the rest is what the model learned as parcel, which no rule names.
    Classification c = classifier.classify(customerSays("m3", Channel.CHAT, AT,
        "no refund needed, but the courier never delivered my package and nobody came to the door"));
    assertThat(c.reasons()).extracting(ReasonScore::reasonId, ReasonScore::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("refund", ReasonSource.RULE),
            org.assertj.core.groups.Tuple.tuple("parcel", ReasonSource.MODEL));
    // a word only one of the two reasons uses weighs ln 2, as much as a model that is certain;
    // the model, sure but not certain of parcel, comes second
    ReasonScore refund = c.reasons().get(0);
    ReasonScore parcel = c.reasons().get(1);
    assertThat(refund.specificity()).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(parcel.modelProbability()).isGreaterThan(MIN_CONFIDENCE);
    assertThat(parcel.strength()).isCloseTo(Math.log(2) * parcel.modelProbability(),
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aRuleReasonTheModelAgreesWithGetsBothVotes() {
    Classification c = classifier.classify(customerSays("m7", Channel.CHAT, AT,
        "the tracking says my package is late and nobody came to the door"));
    ReasonScore primary = c.primary().orElseThrow();
    assertThat(primary.reasonId()).isEqualTo("parcel");
    assertThat(primary.source()).isEqualTo(ReasonSource.RULE);
    assertThat(primary.strength()).isGreaterThan(primary.specificity());
  }

  @Test
  void theModelReadsTheSubjectAndPointsIntoIt() {
    Contact email = nl.waarom.analyzer.TestContacts.contact("m8", Channel.EMAIL, AT,
        List.of(nl.waarom.analyzer.TestContacts.turn(Speaker.CUSTOMER, "See the subject.")));
    email.setSubject("Courier never delivered my package");

    ReasonScore primary = classifier.classify(email).primary().orElseThrow();
    assertThat(primary.reasonId()).isEqualTo("parcel");
    assertThat(primary.evidence()).contains(
        new EvidenceSpan("package", EvidenceSpan.SUBJECT, 27, 34));
    email.setSubject(null);
    assertThat(classifier.classify(email).unexplained()).isTrue();
  }

  @Test
  void whatNeitherKnowsStaysUnexplained() {
    assertThat(classifier.classify(customerSays("m4", Channel.CHAT, AT,
        "compliments to your sustainability team")).unexplained()).isTrue();
  }

  @Test
  void aModelThatMayNeverSpeakLeavesRuleMissesUnexplained() {
    Taxonomy taxonomy = TaxonomyLoader.loadText("test.yaml", YAML, RuleParser.check());
    try (Classifier rulesOnly = new Classifier(taxonomy, Language.EN,
        new ModelOptions(List.of(), 1.0))) {
      assertThat(rulesOnly.classify(customerSays("m5", Channel.CHAT, AT,
          "the courier never delivered my package")).unexplained()).isTrue();
    }
  }
}

package nl.waarom.sink.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;

class DraftCandidateTest {
  private static final TaxonomyDocument DEFAULT = TaxonomyDocument.builtIn();
  private static final String VERSION = DEFAULT.parse().version();

  private static BacklogItem item(List<String> terms, String rule) {
    InsightRow row = InsightRow.from(Insight.newBuilder(Fixtures.emerging(terms, Fixtures.T0))
        .setDraftedRule(rule)
        .setExamples(List.of(new InsightExample("c-1", "mijn thermostaat koppelt niet")))
        .build());
    return new BacklogItem("emerging-reason.x", "Emerging: x", row.kind(), null,
        row.candidateTerms(), "new", 1, row.detectedAt(), row.detectedAt(), null, null, row);
  }

  @Test
  void theCandidateIsTheTaxonomyInForcePlusTheDraftedReasonAsTheAnalyzerParsesIt() {
    DraftCandidate c = DraftCandidate.of(VERSION, DEFAULT.yaml(),
        item(List.of("thermostaat", "koppelen"), "thermostaat AND koppel*"));

    Taxonomy before = c.inForce().parse();
    Taxonomy after = c.candidate().parse();
    assertThat(c.reasonId()).isEqualTo("thermostaat-koppelen");
    assertThat(after.version()).isEqualTo(VERSION + "+thermostaat-koppelen");
    assertThat(after.reasons()).hasSize(before.reasons().size() + 1);
    assertThat(after.reasons().subList(0, before.reasons().size())).isEqualTo(before.reasons());
    Reason drafted = after.reasons().getLast();
    assertThat(drafted.id()).isEqualTo("thermostaat-koppelen");
    assertThat(drafted.rules()).containsExactly("thermostaat AND koppel*");
    assertThat(drafted.owner()).isEqualTo(DraftCandidate.OWNER);

    Contact contact = Contact.newBuilder().setContactId("c-9").setChannel(Channel.CHAT)
        .setOccurredAt(Fixtures.T0).setLanguage("nl")
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, "De thermostaat wil niet koppelen", 0L)))
        .build();
    try (Classifier classifier = ClassifierRecipe.DEFAULT.compile(c.candidate())) {
      Classification classification = classifier.classify(contact);
      assertThat(classification.primary().map(ReasonScore::reasonId))
          .contains("thermostaat-koppelen");
    }
  }

  @Test
  void aDraftedIdThatIsTakenGetsANumber() {
    DraftCandidate c = DraftCandidate.of(VERSION, DEFAULT.yaml(),
        item(List.of("billing"), "factuur"));
    assertThat(c.reasonId()).isEqualTo("billing-2");
  }

  @Test
  void aDraftedRuleThatDoesNotParseIsRefusedNamingTheReason() {
    assertThatThrownBy(() -> DraftCandidate.of(VERSION, DEFAULT.yaml(),
        item(List.of("thermostaat"), "thermostaat AND (koppel")))
        .isInstanceOf(TaxonomyException.class).hasMessageContaining("thermostaat");
  }
}

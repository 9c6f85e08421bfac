package nl.waarom.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarom.schemas.Preventability;
import org.junit.jupiter.api.Test;

class TaxonomyWriterTest {

  @Test
  void theDefaultTaxonomyReadsBackEqual() {
    Taxonomy original = TaxonomyLoader.loadDefault(RuleCheck.NONE);

    String yaml = TaxonomyWriter.write(original);

    assertThat(TaxonomyLoader.loadText("written.yaml", yaml, RuleCheck.NONE)).isEqualTo(original);
  }

  @Test
  void awkwardTextReadsBackEqual() {
    Taxonomy original = new Taxonomy("1.0", List.of(
        new Reason("billing", new LocalizedName("Facturen: en betalen", "yes"), null,
            Preventability.SELF_SERVICE, "billing # team", List.of(), List.of()),
        new Reason("payment-problem", new LocalizedName("Betaling 'lukt' niet", "- €5, {x}"),
            "billing", Preventability.PREVENT, "payments",
            List.of("customer:\"app update\" AND customer:settings", "'quoted' OR fn:x(a b)"),
            List.of(new Example("nl", "de betaallink: werkt niet"), new Example("nl", "123"),
                new Example("en", "it doesn't work\tat all"))),
        new Reason("refund", new LocalizedName("Terugbetaling", "Refund"),
            Preventability.AUTOMATE, "finance", List.of(), List.of("null", "~", "true"))));

    String yaml = TaxonomyWriter.write(original);

    assertThat(TaxonomyLoader.loadText("written.yaml", yaml, RuleCheck.NONE)).isEqualTo(original);
  }

  @Test
  void entriesAreWrittenInTheLayoutOfTheTaxonomyFile() {
    Reason reason = new Reason("payment-problem", new LocalizedName("Betaling lukt niet",
        "Payment problem"), null, Preventability.SELF_SERVICE, "payments",
        List.of("betaallink* OR \"payment link\"~3"),
        List.of(new Example("nl", "de betaallink werkt niet"),
            new Example("en", "the payment link does not work")));

    assertThat(TaxonomyWriter.entries(List.of(TaxonomyWriter.Entry.of(reason)))).isEqualTo("""
          - id: payment-problem
            name: {nl: Betaling lukt niet, en: Payment problem}
            preventability: self-service
            owner: payments
            rules:
              - 'betaallink* OR "payment link"~3'
            examples:
              nl:
                - de betaallink werkt niet
              en:
                - the payment link does not work
        """);
  }

  @Test
  void aDraftIsRefusedForExactlyItsUndecidedFields() {
    String entry = TaxonomyWriter.entries(List.of(TaxonomyWriter.Entry.draft("app-update",
        "app update · settings", List.of("customer:settings"), List.of("my settings are gone"))));
    String file = "version: draft\nreasons:\n" + entry;

    assertThatThrownBy(() -> TaxonomyLoader.loadText("draft.yaml", file, RuleCheck.NONE))
        .isInstanceOfSatisfying(TaxonomyException.class, e -> assertThat(e.problems())
            .extracting(TaxonomyProblem::reasonId, TaxonomyProblem::message)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("app-update", "name.nl is still TODO: decide it"),
                org.assertj.core.groups.Tuple.tuple("app-update", "name.en is still TODO: decide it"),
                org.assertj.core.groups.Tuple.tuple("app-update",
                    "preventability is still TODO: decide it (" + Preventabilities.SPELLINGS + ")"),
                org.assertj.core.groups.Tuple.tuple("app-update", "owner is still TODO: decide it")));
  }

  @Test
  void examplesWithAndWithoutLanguageCannotShareAnEntry() {
    assertThatThrownBy(() -> new TaxonomyWriter.Entry("x", "x", "x", null, "prevent", "o",
        List.of(), List.of(new Example("nl", "a"), new Example(null, "b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

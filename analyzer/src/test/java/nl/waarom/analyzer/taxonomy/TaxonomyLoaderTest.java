package nl.waarom.analyzer.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.schemas.Preventability;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {
  private static final String GOOD_REASON = """
        - id: outage
          name: {nl: Storing, en: Outage}
          preventability: PREVENT
          owner: network
          rules: ['storing OR outage']
          examples: [storing]
      """;

  private static Taxonomy load(String yaml) throws IOException {
    return TaxonomyLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        RuleParser.check());
  }

  @Test
  void defaultTaxonomyLoadsWithEveryRuleParsing() {
    Taxonomy taxonomy = TaxonomyLoader.loadDefault(RuleParser.check());

    assertThat(taxonomy.version()).isEqualTo("2026.11-1");
    assertThat(taxonomy.reasons()).hasSize(20);
    assertThat(taxonomy.reasons()).extracting(Reason::id).contains("invoice-question",
        "payment-problem", "cancel-subscription", "moving-house", "outage", "delivery-status",
        "return-refund", "login-problem", "change-of-details", "complaint", "callback-request",
        "contract-renewal", "price-increase", "meter-reading", "direct-debit", "order-change",
        "damaged-product", "app-problem", "privacy-request", "opening-hours");
    assertThat(taxonomy.reasons()).allSatisfy(r -> assertThat(r.examples()).hasSizeGreaterThanOrEqualTo(4));
  }

  @Test
  void readsAReason() throws IOException {
    Taxonomy taxonomy = load("version: \"1\"\nreasons:\n" + GOOD_REASON);

    assertThat(taxonomy.reasons()).containsExactly(new Reason("outage",
        new LocalizedName("Storing", "Outage"), Preventability.PREVENT, "network",
        List.of("storing OR outage"), List.of("storing")));
  }

  @Test
  void unknownFieldNamesTheReasonAndField() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON.replace("owner:", "ownr:");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'outage': unknown field 'ownr'");
  }

  @Test
  void unknownNameLanguageIsNamed() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON.replace("en: Outage", "de: Störung");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'outage': unknown field 'name.de'");
  }

  @Test
  void duplicateIdIsNamed() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON + GOOD_REASON;

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'outage': duplicate id")
        .extracting(e -> ((TaxonomyException) e).reasonId()).isEqualTo("outage");
  }

  @Test
  void ruleThatDoesNotParseIsNamed() {
    String yaml = "version: \"1\"\nreasons:\n"
        + GOOD_REASON.replace("'storing OR outage'", "'\"payment link'");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessageStartingWith("taxonomy reason 'outage': rule '\"payment link' does not parse: ");
  }

  @Test
  void ruleOnAnUnknownFieldIsRejected() {
    String yaml = "version: \"1\"\nreasons:\n"
        + GOOD_REASON.replace("'storing OR outage'", "'klant:storing'");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("reason 'outage'").hasMessageContaining("unknown field [klant]");
  }

  @Test
  void badPreventabilityIsNamed() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON.replace("PREVENT", "AVOID");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'outage': invalid value 'AVOID' for field 'preventability'");
  }

  @Test
  void reasonWithoutRulesIsRejected() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON.replace(
        "rules: ['storing OR outage']", "rules: []");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'outage': rules are missing: a reason needs at least one rule");
  }

  @Test
  void badIdIsRejected() {
    String yaml = "version: \"1\"\nreasons:\n" + GOOD_REASON.replace("id: outage", "id: Outage");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(TaxonomyException.class)
        .hasMessage("taxonomy reason 'Outage': id 'Outage' is not lower-case kebab case");
  }

  @Test
  void missingVersionAndUnknownTopLevelFieldsAreRejected() {
    assertThatThrownBy(() -> load("reasons:\n" + GOOD_REASON))
        .hasMessage("taxonomy: version is missing");
    assertThatThrownBy(() -> load("version: \"1\"\nreason:\n" + GOOD_REASON))
        .hasMessage("taxonomy: unknown field 'reason'");
  }
}

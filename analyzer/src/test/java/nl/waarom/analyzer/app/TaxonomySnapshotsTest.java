package nl.waarom.analyzer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.schemas.TaxonomyReason;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

class TaxonomySnapshotsTest {
  static final String YAML = """
      version: "2026.03"
      reasons:
        - id: money
          name: {nl: Geld, en: Money}
          preventability: prevent
          owner: finance
        - id: payment-problem
          parent: money
          name: {nl: Betaalprobleem, en: Payment problem}
          preventability: self-service
          owner: finance
          rules: ['afgeschreven']
      """;

  @Test
  void theSnapshotCarriesTheDocumentAsLoadedItsHashAndEveryReasonsNamesAndGroup() {
    Taxonomy taxonomy = TaxonomyLoader.loadText("test.yaml", YAML, RuleParser.check());
    Instant at = Instant.parse("2026-03-02T09:00:00Z");

    TaxonomySnapshot snapshot = TaxonomySnapshots.of(taxonomy, YAML, at);

    assertThat(snapshot.getVersion()).isEqualTo("2026.03");
    assertThat(snapshot.getPublishedAt()).isEqualTo(at);
    assertThat(snapshot.getYaml()).isEqualTo(YAML);
    // sha256sum of the same bytes
    assertThat(snapshot.getSha256()).hasSize(64)
        .isEqualTo(TaxonomySnapshots.sha256(YAML)).isNotEqualTo(TaxonomySnapshots.sha256(YAML + " "));
    assertThat(TaxonomySnapshots.sha256("")).isEqualTo(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(snapshot.getReasons()).containsExactly(
        new TaxonomyReason("money", "Geld", "Money", null, "prevent", "finance"),
        new TaxonomyReason("payment-problem", "Betaalprobleem", "Payment problem", "money",
            "self-service", "finance"));
  }

  @Test
  void theBuiltInDocumentIsTheOneTheAnalyzerLoadsByDefault() {
    String yaml = TaxonomySnapshots.text("");
    Taxonomy builtIn = TaxonomyLoader.loadDefault(RuleParser.check());

    TaxonomySnapshot snapshot = TaxonomySnapshots.of(
        TaxonomyLoader.loadText("default.yaml", yaml, RuleParser.check()), yaml, Instant.EPOCH);

    assertThat(snapshot.getVersion()).isEqualTo(builtIn.version());
    assertThat(snapshot.getReasons()).extracting(TaxonomyReason::getId)
        .containsExactlyElementsOf(builtIn.reasons().stream().map(r -> r.id()).toList());
  }
}

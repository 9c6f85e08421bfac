package nl.waarom.analyzer.classify;

import nl.waarom.taxonomy.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import nl.waarom.schemas.Preventability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyLoaderTest {
  private static final String GROUP = """
      version: "1"
      reasons:
        - id: tech
          name: {nl: Techniek, en: Technical}
          preventability: prevent
          owner: network
      """;
  // line 7 onwards
  private static final String CHILD = """
        - id: outage
          parent: tech
          name: {nl: Storing, en: Outage}
          rules: ['storing OR outage']
          examples:
            nl: [storing]
            en: [outage]
      """;

  private static Taxonomy load(String yaml) {
    return TaxonomyLoader.loadText("t.yaml", yaml, RuleParser.check());
  }

  private static List<String> problems(String yaml) {
    TaxonomyException e = catchThrowableOfType(TaxonomyException.class, () -> load(yaml));
    assertThat(e).as("the taxonomy should be rejected").isNotNull();
    return e.problems().stream().map(TaxonomyProblem::toString).toList();
  }

  @Test
  void readsAGroupAndAChildThatInheritsOwnerAndPreventability() {
    Taxonomy taxonomy = load(GROUP + CHILD);

    Reason outage = taxonomy.reason("outage").orElseThrow();
    assertThat(outage).isEqualTo(new Reason("outage", new LocalizedName("Storing", "Outage"), "tech",
        Preventability.PREVENT, "network", List.of("storing OR outage"),
        List.of(new Example("nl", "storing"), new Example("en", "outage"))));
    assertThat(outage.examples("nl")).containsExactly("storing");
    assertThat(taxonomy.children("tech")).containsExactly(outage);
    assertThat(taxonomy.classifiable()).containsExactly(outage);
  }

  @ParameterizedTest
  @CsvSource({"prevent, PREVENT", "SELF_SERVICE, SELF_SERVICE", "self-service, SELF_SERVICE",
      "Automate, AUTOMATE", "assist, ASSIST"})
  void preventabilityAcceptsBothSpellings(String written, Preventability expected) {
    Taxonomy taxonomy = load(GROUP.replace("preventability: prevent", "preventability: " + written)
        + CHILD);

    assertThat(taxonomy.reason("outage").orElseThrow().preventability()).isEqualTo(expected);
  }

  @Test
  void everyErrorKindIsReportedWithItsLine() {
    String yaml = """
        version: "1"
        colour: blue
        reasons:
          - id: tech
            name: {nl: Techniek, en: Technical}
            preventability: avoid
            owner: network
          - id: outage
            parent: tech
            name: {nl: Storing}
            rules: ['"payment link', 'klant:storing', 'channel:fax']
            ownr: x
          - id: outage
            parent: nowhere
            name: {nl: Storing, en: Outage}
            preventability: prevent
            owner: x
            rules: [storing]
          - id: Bad_Id
            name: {nl: a, en: b}
            preventability: prevent
            owner: x
            examples: [a]
          - id: empty
            parent: tech
            name: {nl: Leeg, en: Empty}
          - id: nameless
            parent: tech
            rules: [storing]
        """;

    assertThat(problems(yaml)).containsExactly(
        "t.yaml:2: unknown field 'colour'",
        "t.yaml:6: reason 'tech': invalid preventability 'avoid' (prevent, self-service, automate, assist)",
        "t.yaml:10: reason 'outage': name.en is missing",
        "t.yaml:11: reason 'outage': rule '\"payment link' does not parse: "
            + problemsOf("\"payment link"),
        "t.yaml:11: reason 'outage': rule 'klant:storing' does not parse: unknown field [klant]; "
            + "rules may search [any, customer, agent, first, subject, channel, lang]",
        "t.yaml:11: reason 'outage': rule 'channel:fax' does not parse: unknown value channel:fax; "
            + "channel is one of " + Set.of("chat", "call", "email"),
        "t.yaml:12: reason 'outage': unknown field 'ownr'",
        "t.yaml:13: reason 'outage': duplicate id",
        "t.yaml:13: reason 'outage': unknown parent 'nowhere'",
        "t.yaml:19: reason 'Bad_Id': id 'Bad_Id' is not lower-case kebab case",
        "t.yaml:24: reason 'empty': no rules and no examples: a reason needs at least one",
        "t.yaml:27: reason 'nameless': name is missing (name: {nl: ..., en: ...})");
  }

  private static String problemsOf(String rule) {
    try {
      RuleParser.check().check(rule);
      throw new AssertionError("should not parse: " + rule);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void parentCyclesAndAThirdLevelAreRejected() {
    String yaml = """
        version: "1"
        reasons:
          - id: a
            parent: b
            name: {nl: a, en: a}
            preventability: prevent
            owner: x
            rules: [a]
          - id: b
            parent: a
            name: {nl: b, en: b}
            preventability: prevent
            owner: x
            rules: [b]
          - id: top
            name: {nl: t, en: t}
            preventability: prevent
            owner: x
          - id: middle
            parent: top
            name: {nl: m, en: m}
            rules: [m]
          - id: bottom
            parent: middle
            name: {nl: b, en: b}
            preventability: assist
            owner: x
            rules: [b]
        """;

    assertThat(problems(yaml)).containsExactly(
        "t.yaml:3: reason 'a': parent cycle: a -> b -> a",
        "t.yaml:9: reason 'b': parent cycle: b -> a -> b",
        "t.yaml:23: reason 'bottom': more than two levels: parent 'middle' has a parent itself");
  }

  @Test
  void missingVersionOwnerAndPreventabilityAreReported() {
    String yaml = """
        reasons:
          - id: lonely
            name: {nl: a, en: b}
            rules: [a]
        """;

    assertThat(problems(yaml)).containsExactly(
        "t.yaml:1: version is missing",
        "t.yaml:2: reason 'lonely': owner is missing",
        "t.yaml:2: reason 'lonely': preventability is missing (prevent, self-service, automate, assist)");
  }

  @Test
  void invalidYamlNamesTheLine() {
    assertThat(problems("version: \"1\"\nreasons:\n  - id: [unclosed\n")).singleElement()
        .asString().startsWith("t.yaml:4: not valid YAML");
  }

  @Test
  void theMessageListsEveryProblem() {
    TaxonomyException e = catchThrowableOfType(TaxonomyException.class,
        () -> load(GROUP + CHILD + CHILD));

    assertThat(e).hasMessage("1 problem in taxonomy:\nt.yaml:14: reason 'outage': duplicate id");
    assertThat(e.reasonId()).isEqualTo("outage");
  }

  /** The complete example in the format documentation must stay a valid taxonomy. */
  @Test
  void theDocumentedExampleLoads() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/taxonomy.md"));
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));

    Taxonomy taxonomy = TaxonomyLoader.loadText("docs/taxonomy.md", yaml, RuleParser.check());

    assertThat(taxonomy.classifiable()).extracting(Reason::id)
        .containsExactly("payment-problem", "invoice-question");
    assertThat(taxonomy.reason("invoice-question").orElseThrow().preventability())
        .isEqualTo(Preventability.SELF_SERVICE);
  }

  @Test
  void defaultTaxonomyHasFiftyReasonsInGroupsWithExamplesInBothLanguages() {
    Taxonomy taxonomy = TaxonomyLoader.loadDefault(RuleParser.check());

    assertThat(taxonomy.version()).isEqualTo("2026.12-1");
    List<Reason> reasons = taxonomy.reasons().stream().filter(r -> r.parent() != null).toList();
    assertThat(reasons).hasSizeGreaterThanOrEqualTo(50);
    assertThat(taxonomy.classifiable()).containsExactlyElementsOf(reasons);
    assertThat(reasons).extracting(Reason::id).contains("invoice-question",
        "payment-problem", "cancel-subscription", "moving-house", "outage", "delivery-status",
        "return-refund", "login-problem", "change-of-details", "complaint", "callback-request",
        "contract-renewal", "price-increase", "meter-reading", "direct-debit", "order-change",
        "damaged-product", "app-problem", "privacy-request", "opening-hours");
    assertThat(reasons).allSatisfy(r -> {
      assertThat(r.rules()).as(r.id()).isNotEmpty();
      assertThat(r.examples("nl")).as(r.id()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(r.examples("en")).as(r.id()).hasSizeGreaterThanOrEqualTo(4);
    });
    assertThat(taxonomy.reasons().stream().filter(r -> r.parent() == null))
        .allSatisfy(group -> assertThat(taxonomy.children(group.id())).as(group.id()).isNotEmpty());
  }
}

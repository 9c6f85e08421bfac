package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waarom backtest --contacts FILE.jsonl} without a running stack: the built-in taxonomy
 * (nothing configured) against a file that adds a reason, on contacts in the gateway's JSON
 * format, a bad line left out; with the editors' corrections of a JSONL file, or without any.
 */
class BacktestCommandTest {
  /** Texts about loyalty stamps: no reason of the default taxonomy is about them. */
  private static final List<String> STAMPS = List.of(
      "my loyalty stamps did not arrive on the stamp card",
      "the stamp card is missing three loyalty stamps",
      "where are my loyalty stamps from last week",
      "loyalty stamps were not added to my stamp card",
      "i collected loyalty stamps but the stamp card shows zero",
      "how do i redeem a full stamp card of loyalty stamps",
      "my loyalty stamps expired on the stamp card",
      "can you add the missing loyalty stamps to my card",
      "the loyalty stamps from the shop are gone from my stamp card",
      "stamp card says 0 loyalty stamps after my purchase");
  @TempDir Path dir;

  @Test
  void backtestsAJsonlFileAgainstTheConfiguredTaxonomy() throws Exception {
    String yaml = TaxonomyDocument.builtIn().yaml()
        .replaceFirst("(?m)^version: \"([^\"]+)\"", "version: \"$1-umbrella\"").stripTrailing()
        + """

          - id: lost-property
            parent: service
            name: {nl: Gevonden voorwerpen, en: Lost property}
            rules: ['paraplu* OR umbrella*']
        """;
    Path taxonomy = Files.writeString(dir.resolve("umbrella.yaml"), yaml, StandardCharsets.UTF_8);
    Path contacts = Files.write(dir.resolve("contacts.jsonl"), List.of(
        line("c-1", "CHAT", "De betaallink in jullie mail werkt niet"),
        line("c-2", "CHAT", "Ik heb mijn paraplu laten liggen bij de kassa, mijn nummer is 0612345678"),
        line("c-3", "CALL", "I left my umbrella in your shop"),
        "{\"contactId\": \"broken\"",
        "",
        line("c-4", "EMAIL", "Hallo, ik heb een vraag")), StandardCharsets.UTF_8);
    CliRun cli = new CliRun();

    int code = cli.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        contacts.toString(), "--examples", "1");

    assertThat(code).as(cli.err()).isZero();
    List<String> out = cli.out().lines().toList();
    assertThat(out.getFirst()).startsWith("backtest of 4 contacts: taxonomy 2026.12-1 (in force) "
        + "against 2026.12-1-umbrella (umbrella.yaml)");
    assertThat(out).contains("left out 1 input records (no contact, or before the period)")
        .anyMatch(l -> l.matches("lost-property +0 +2 +\\+2"))
        .anyMatch(l -> l.matches("payment-problem +1 +1 *"))
        .contains("2 contacts would change their primary reason:");
    assertThat(out.getLast()).matches("result: contacts=4 flipped=2 explained_before=0\\.\\d{4} "
        + "explained_after=0\\.\\d{4} contacts_per_s=\\d+");
    assertThat(cli.out()).as("redacted as the gateway would").contains("c-2  \"Ik heb mijn paraplu")
        .doesNotContain("0612345678");
  }

  /**
   * With {@code --corrections} both taxonomies learn the editors' corrections: the contact an
   * editor said is a missing item keeps that reason under the new rule (no flip), and a stamp
   * text nobody corrected gets the reason the editors gave other stamp texts; without it the
   * taxonomies are compared alone.
   */
  @Test
  void bothTaxonomiesLearnTheCorrectionsOfAFile() throws Exception {
    Path taxonomy = Files.writeString(dir.resolve("umbrella.yaml"), umbrella(),
        StandardCharsets.UTF_8);
    Path contacts = Files.write(dir.resolve("contacts.jsonl"), List.of(
        line("c-1", "CHAT", "De betaallink in jullie mail werkt niet"),
        line("c-2", "CHAT", "Ik heb mijn paraplu laten liggen bij de kassa"),
        line("c-3", "CHAT", "I left my umbrella at the counter of your shop"),
        line("c-4", "CHAT", "my stamp booklet lost all its loyalty stamps")),
        StandardCharsets.UTF_8);
    List<String> corrections = new ArrayList<>();
    for (int i = 0; i < STAMPS.size(); i++) {
      corrections.add(correction("s-" + i, "\"discount-code\"", STAMPS.get(i)));
    }
    corrections.add("");
    corrections.add(correction("c-3", "\"missing-item\"",
        "I left my umbrella at the counter of your shop"));
    Path file = Files.write(dir.resolve("corrections.jsonl"), corrections,
        StandardCharsets.UTF_8);

    CliRun with = new CliRun();
    int code = with.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        contacts.toString(), "--corrections", file.toString());
    CliRun without = new CliRun();
    int codeWithout = without.execute("backtest", "--taxonomy", taxonomy.toString(),
        "--contacts", contacts.toString());

    assertThat(code).as(with.err()).isZero();
    assertThat(with.out().lines()).contains("corrections: " + (STAMPS.size() + 1) + " applied, "
            + "from the file corrections.jsonl; learned by the taxonomy in force "
            + (STAMPS.size() + 1) + " (0 skipped), by the new one " + (STAMPS.size() + 1)
            + " (0 skipped)")
        .anyMatch(l -> l.matches("lost-property +0 +1 +\\+1"))
        .anyMatch(l -> l.matches("missing-item +1 +1 *"))
        .anyMatch(l -> l.matches("discount-code +1 +1 *"));
    assertThat(with.out().lines().toList().getLast()).startsWith("result: contacts=4 flipped=1 ");
    assertThat(codeWithout).as(without.err()).isZero();
    assertThat(without.out().lines())
        .contains("corrections: 0 applied (none given): the taxonomies alone")
        .anyMatch(l -> l.matches("lost-property +0 +2 +\\+2"))
        .noneMatch(l -> l.startsWith("discount-code "));
    assertThat(without.out().lines().toList().getLast())
        .startsWith("result: contacts=4 flipped=2 ");

    CliRun alone = new CliRun();
    assertThat(alone.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        contacts.toString(), "--no-corrections")).as(alone.err()).isZero();
    assertThat(alone.out().lines())
        .contains("corrections: 0 applied (--no-corrections): the taxonomies alone");
  }

  @Test
  void aCorrectionsLineWithoutReasonIdIsRefusedWithItsLineNumber() throws Exception {
    Path taxonomy = Files.writeString(dir.resolve("umbrella.yaml"), umbrella(),
        StandardCharsets.UTF_8);
    Path contacts = Files.write(dir.resolve("contacts.jsonl"), List.of(
        line("c-1", "CHAT", "De betaallink in jullie mail werkt niet")), StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("corrections.jsonl"), List.of(
        correction("c-1", "null", "De betaallink in jullie mail werkt niet"),
        "{\"contactId\": \"c-2\", \"text\": \"paraplu\"}"), StandardCharsets.UTF_8);
    CliRun cli = new CliRun();

    int code = cli.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        contacts.toString(), "--corrections", file.toString());
    CliRun both = new CliRun();
    int codeBoth = both.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        contacts.toString(), "--corrections", file.toString(), "--no-corrections");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).startsWith("backtest: ").contains("corrections.jsonl line 2: reasonId "
        + "is required");
    assertThat(codeBoth).isEqualTo(2);
    assertThat(both.err()).contains("--corrections and --no-corrections exclude each other");
  }

  @Test
  void aTaxonomyWithAnErrorIsRefusedBeforeAnythingIsRead() throws Exception {
    Path taxonomy = Files.writeString(dir.resolve("bad.yaml"), """
        version: "x"
        reasons:
          - id: outage
            name: {nl: Storing, en: Outage}
            preventability: avoid
            owner: network
            rules: ['klant:storing']
        """, StandardCharsets.UTF_8);
    CliRun cli = new CliRun(Map.of());

    int code = cli.execute("backtest", "--taxonomy", taxonomy.toString(), "--contacts",
        dir.resolve("none.jsonl").toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).startsWith("backtest: ").contains("invalid preventability 'avoid'",
        "rule 'klant:storing' does not parse");
  }

  /** The built-in taxonomy plus a reason lost-property. */
  private static String umbrella() {
    return TaxonomyDocument.builtIn().yaml()
        .replaceFirst("(?m)^version: \"([^\"]+)\"", "version: \"$1-umbrella\"").stripTrailing()
        + """

          - id: lost-property
            parent: service
            name: {nl: Gevonden voorwerpen, en: Lost property}
            rules: ['paraplu* OR umbrella*']
        """;
  }

  /** A corrections line; {@code reasonId} as JSON (quoted, or null). */
  private static String correction(String contactId, String reasonId, String text) {
    return "{\"contactId\": \"" + contactId + "\", \"reasonId\": " + reasonId
        + ", \"text\": \"" + text + "\", \"language\": \"en\"}";
  }

  private static String line(String id, String channel, String text) {
    return "{\"contactId\": \"" + id + "\", \"channel\": \"" + channel + "\", "
        + "\"occurredAt\": \"2026-11-30T10:00:00Z\", \"customerId\": \"cust-" + id + "\", "
        + (channel.equals("EMAIL") ? "\"subject\": \"Vraag\", " : "")
        + "\"turns\": [{\"speaker\": \"CUSTOMER\", \"text\": \"" + text + "\"}]}";
  }
}

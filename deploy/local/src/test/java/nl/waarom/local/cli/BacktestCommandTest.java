package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waarom backtest --contacts FILE.jsonl} without a running stack: the built-in taxonomy
 * (nothing configured) against a file that adds a reason, on contacts in the gateway's JSON
 * format, a bad line left out.
 */
class BacktestCommandTest {
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

  private static String line(String id, String channel, String text) {
    return "{\"contactId\": \"" + id + "\", \"channel\": \"" + channel + "\", "
        + "\"occurredAt\": \"2026-11-30T10:00:00Z\", \"customerId\": \"cust-" + id + "\", "
        + (channel.equals("EMAIL") ? "\"subject\": \"Vraag\", " : "")
        + "\"turns\": [{\"speaker\": \"CUSTOMER\", \"text\": \"" + text + "\"}]}";
  }
}

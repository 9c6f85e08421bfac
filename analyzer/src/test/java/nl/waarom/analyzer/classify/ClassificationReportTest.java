package nl.waarom.analyzer.classify;

import static nl.waarom.analyzer.TestContacts.contact;
import static nl.waarom.analyzer.TestContacts.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Speaker;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
  private static Classifier classifier;

  @BeforeAll
  static void loadDefaultTaxonomy() {
    classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void aReasonLineQuotesItsEvidenceWithTurnAndOffsets() {
    String report = ClassificationReport.of(classifier, contact("c1", Channel.CHAT, AT, List.of(
        turn(Speaker.CUSTOMER, "hallo"),
        turn(Speaker.CUSTOMER, "De betaallink in jullie mail werkt niet"))));
    List<String> lines = report.lines().toList();
    assertThat(lines.get(0)).startsWith("taxonomy ").endsWith(", language nl");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .matches("payment-problem +\\d\\.\\d\\d (RULE |MODEL) .*\\[1:\\d+-\\d+].*"));
    assertThat(report).endsWith(System.lineSeparator());
  }

  @Test
  void aTextWithoutAReasonSaysUnexplained() {
    String report = ClassificationReport.of(classifier, contact("c2", Channel.CHAT, AT,
        List.of(turn(Speaker.CUSTOMER, "qwz vbnm"))));
    assertThat(report.lines().toList()).hasSize(2).last()
        .isEqualTo("unexplained: no rule matched and the model is below its threshold");
  }
}

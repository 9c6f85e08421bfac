package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.ExportItem;
import nl.waarom.sink.db.InsightRow;
import org.junit.jupiter.api.Test;

class IssueContentTest {
  private static ExportItem item(Insight insight, String status) {
    InsightRow row = InsightRow.from(insight);
    return new ExportItem("spike.payment-problem", "Spike: payment-problem", "SPIKE", status, 1,
        row.estimatedCost(), row.preventability(), row);
  }

  @Test
  void theHashChangesWithTheContentAndOnlyThen() {
    Insight insight = Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0);
    String hash = IssueContent.of(item(insight, "new"), "http://b/").hash();

    assertThat(IssueContent.of(item(insight, "new"), "http://b/").hash()).isEqualTo(hash);
    assertThat(IssueContent.of(item(insight, "triaged"), "http://b/").hash()).isNotEqualTo(hash);
    insight.setEstimatedCost(501.0);
    assertThat(IssueContent.of(item(insight, "new"), "http://b/").hash()).isNotEqualTo(hash)
        .hasSize(64);
  }

  @Test
  void labelsCarryTheItemIdWithinGitHubsFiftyCharactersAndWithoutBlanks() {
    assertThat(IssueContent.labelFor("spike.payment-problem")).isEqualTo("waarom:spike.payment-problem");
    String longId = "emerging-reason.geblokkeerd_pincode_nieuwe_pas_aangevraagd_gisteren";
    String label = IssueContent.labelFor(longId);
    assertThat(label).hasSizeLessThanOrEqualTo(50).startsWith("waarom:emerging-reason.")
        .isNotEqualTo(IssueContent.labelFor(longId + "x"));
    assertThat(IssueContent.labelFor("a b")).isEqualTo("waarom:a_b");
  }

  @Test
  void markdownKeepsExamplesInACodeBlockSoTheyCannotMentionAnyone() {
    Insight insight = Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0);
    insight.setExamples(List.of(new nl.waarom.schemas.InsightExample("c1", "ping @octocat ```x")));

    String md = IssueContent.of(item(insight, "new"), "http://b/").markdown();

    assertThat(md).contains("### Examples (redacted)\n\n```text\nping @octocat '''x\n```")
        .contains("[Open on the Waarom board](http://b/items/spike.payment-problem)")
        .contains("- Estimated cost: 500 per week").contains("- Preventability: prevent");
  }

  @Test
  @SuppressWarnings("unchecked")
  void adfIsADocOfBlockNodesWithNonEmptyTextAndTheBoardLink() {
    Insight insight = Fixtures.emerging(List.of("pincode"), Fixtures.T0);
    insight.setSummary("");
    insight.setDraftedRule("reason pincode-blocked: \"pincode\"");
    InsightRow row = InsightRow.from(insight);
    ExportItem emerging = new ExportItem("emerging-reason.pincode", "Emerging reason: pincode",
        "EMERGING_REASON", "new", 1, null, null, row);

    Map<String, Object> doc = IssueContent.of(emerging, "http://b/").adf();

    assertThat(doc).containsEntry("type", "doc").containsEntry("version", 1);
    List<Map<String, Object>> blocks = (List<Map<String, Object>>) doc.get("content");
    assertThat(blocks).extracting(b -> b.get("type")).containsExactly("heading", "bulletList",
        "heading", "bulletList", "heading", "codeBlock", "paragraph", "paragraph");
    String json = nl.waarom.sink.db.Json.write(doc);
    assertThat(json).contains("\"href\":\"http://b/items/emerging-reason.pincode\"")
        .contains("Over-represented words: pincode").doesNotContain("\"text\":\"\"");
  }
}

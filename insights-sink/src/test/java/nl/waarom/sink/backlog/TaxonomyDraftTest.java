package nl.waarom.sink.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.Preventability;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.RuleCheck;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyException;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.taxonomy.TaxonomyProblem;
import org.junit.jupiter.api.Test;

class TaxonomyDraftTest {
  private static final String RULE = "customer:\"app update\" AND customer:settings";

  private static BacklogItem promoted() {
    Insight insight = Insight.newBuilder(Fixtures.emerging(List.of("app update", "settings"),
            Fixtures.T0))
        .setDraftedRule(RULE)
        .setExamples(List.of(new InsightExample("e-1", "since the app update my settings're gone"),
            new InsightExample("e-2", null), new InsightExample("e-3", "instellingen: weg")))
        .build();
    InsightRow row = InsightRow.from(insight);
    return new BacklogItem("emerging-reason.app-update_settings", "Emerging: app update",
        row.kind(), null, row.candidateTerms(), "new", 1, row.detectedAt(), row.detectedAt(), null,
        null, row);
  }

  private static Taxonomy load(String draft) {
    return TaxonomyLoader.loadText("draft.yaml", "version: draft\nreasons:\n" + draft,
        RuleCheck.NONE);
  }

  @Test
  void theDraftIsRefusedForExactlyTheFieldsLeftToDecide() {
    String draft = TaxonomyDraft.yaml(promoted());

    assertThatThrownBy(() -> load(draft)).isInstanceOfSatisfying(TaxonomyException.class,
        e -> assertThat(e.problems()).extracting(TaxonomyProblem::message)
            .containsExactlyInAnyOrder("name.nl is still TODO: decide it",
                "name.en is still TODO: decide it",
                "preventability is still TODO: decide it (prevent, self-service, automate, assist)",
                "owner is still TODO: decide it"));
  }

  @Test
  void theDraftLoadsOnceTheTeamHasDecided() {
    String decided = TaxonomyDraft.yaml(promoted())
        .replaceAll("name: \\{.*}", "name: {nl: Instellingen kwijt, en: Settings lost}")
        .replace("preventability: TODO", "preventability: prevent")
        .replace("owner: TODO", "owner: app-team");

    assertThat(load(decided).reasons()).containsExactly(new Reason("app-update-settings",
        new nl.waarom.taxonomy.LocalizedName("Instellingen kwijt", "Settings lost"), null,
        Preventability.PREVENT, "app-team", List.of(RULE),
        List.of(new Example(null, "since the app update my settings're gone"),
            new Example(null, "instellingen: weg"))));
  }

  @Test
  void theDraftSuggestsTheCandidateTermsAsName() {
    assertThat(TaxonomyDraft.yaml(promoted()))
        .contains("name: {nl: TODO app update · settings, en: TODO app update · settings}");
  }
}

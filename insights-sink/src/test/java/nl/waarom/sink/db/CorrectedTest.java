package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectedTest {
  private static final ReasonEntry.EvidenceSpan TE_LAAT =
      new ReasonEntry.EvidenceSpan("te laat", 1, 10, 17);
  private static final List<ReasonEntry> CLASSIFIED = List.of(
      new ReasonEntry("payment-problem", 0.8, "RULE",
          List.of(new ReasonEntry.EvidenceSpan("afgeschreven", 1, 0, 12))),
      new ReasonEntry("delivery-late", 0.4, "MODEL", List.of(TE_LAAT)));

  private static CorrectionRow correction(String reasonId) {
    return new CorrectionRow("c1", "contact-1", "anna", reasonId, "payment-problem", "v1",
        Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void withoutACorrectionTheClassifiersReasonsStand() {
    assertThat(Corrected.apply(CLASSIFIED, null))
        .isEqualTo(new Corrected("payment-problem", CLASSIFIED, false));
    assertThat(Corrected.apply(List.of(), null)).isEqualTo(new Corrected(null, List.of(), true));
  }

  @Test
  void theCorrectedReasonComesFirstAsFeedbackKeepingItsEvidenceAndTheOthersFollow() {
    assertThat(Corrected.apply(CLASSIFIED, correction("delivery-late"))).isEqualTo(
        new Corrected("delivery-late", List.of(
            new ReasonEntry("delivery-late", 1.0, ReasonEntry.FEEDBACK, List.of(TE_LAAT)),
            CLASSIFIED.get(0)), false));
    assertThat(Corrected.apply(CLASSIFIED, correction("account-locked")).reasons())
        .extracting(ReasonEntry::reasonId, ReasonEntry::source, r -> r.evidence().size())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("account-locked", "FEEDBACK", 0),
            org.assertj.core.groups.Tuple.tuple("payment-problem", "RULE", 1),
            org.assertj.core.groups.Tuple.tuple("delivery-late", "MODEL", 1));
  }

  @Test
  void noneOfTheseLeavesTheContactUnexplained() {
    assertThat(Corrected.apply(CLASSIFIED, correction(null)))
        .isEqualTo(new Corrected(null, List.of(), true));
  }
}

package nl.waarom.sink.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogKeyTest {

  @Test
  void reasonItemsAreKeyedByKindAndReason() {
    assertThat(BacklogKey.of("SPIKE", "payment-problem", List.of("ideal")))
        .isEqualTo(new BacklogKey("spike.payment-problem", "Spike: payment-problem"));
    assertThat(BacklogKey.of("REPEAT_HOTSPOT", "payment-problem", List.of()))
        .isEqualTo(new BacklogKey("repeat-hotspot.payment-problem", "Repeat hotspot: payment-problem"));
  }

  @Test
  void emergingReasonsAreKeyedBySortedNormalisedTerms() {
    BacklogKey key = BacklogKey.of("EMERGING_REASON", null, List.of("Pincode ", "geblokkeerd", "pincode"));

    assertThat(key).isEqualTo(
        new BacklogKey("emerging-reason.geblokkeerd_pincode", "Emerging reason: geblokkeerd, pincode"));
    assertThat(BacklogKey.of("EMERGING_REASON", "", List.of("geblokkeerd", "PINCODE")))
        .isEqualTo(key);
  }

  @Test
  void anEmergingReasonFoundAgainWithOtherWeakerTermsIsTheSameItem() {
    BacklogKey first = BacklogKey.of("EMERGING_REASON", null,
        List.of("app update", "settings", "deletes settings"));
    BacklogKey again = BacklogKey.of("EMERGING_REASON", null,
        List.of("settings", "app update", "instellingen weg", "update"));

    assertThat(again).isEqualTo(first);
    assertThat(first.itemId()).isEqualTo("emerging-reason.app-update_settings");
    assertThat(BacklogKey.of("EMERGING_REASON", null, List.of("app update", "instellingen"),
        "app update · instellingen").title()).isEqualTo("Emerging reason: app update · instellingen");
  }

  @Test
  void idsAreSlugsSafeForHtmlIdsAndUrls() {
    BacklogKey key = BacklogKey.of("EMERGING_REASON", null, List.of("geïnd bedrag", "<b>x&y</b>"));

    assertThat(key.itemId()).isEqualTo("emerging-reason.b-x-y-b_geind-bedrag");
    assertThat(key.title()).isEqualTo("Emerging reason: <b>x&y</b>, geïnd bedrag");
  }

  @Test
  void anInsightWithNeitherReasonNorTermsHasAnUnknownItem() {
    assertThat(BacklogKey.of("OTHER", null, List.of()))
        .isEqualTo(new BacklogKey("other.unknown", "Other: unknown"));
    assertThat(BacklogKey.of("SPIKE", "???", List.of()).itemId()).isEqualTo("spike.unknown");
  }
}

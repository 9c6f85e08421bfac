package nl.waarom.sink.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.sink.db.TaxonomyRow;
import org.junit.jupiter.api.Test;

class ReasonNamesTest {
  private static final TaxonomyRow TAXONOMY = new TaxonomyRow("v1", Instant.EPOCH, "0", "", List.of(
      new TaxonomyRow.ReasonName("payment-problem", "Betaalprobleem", "Payment problem", null,
          "prevent", "finance")));

  @Test
  void namesComeFromTheTaxonomyInTheBrowsersLanguageAndUnknownIdsStayIds() {
    ReasonNames names = ReasonNames.of(TAXONOMY);
    assertThat(names.name("payment-problem")).isEqualTo("Payment problem");
    assertThat(names.in("nl-NL,nl;q=0.9,en;q=0.8").name("payment-problem"))
        .isEqualTo("Betaalprobleem");
    assertThat(names.in("en-GB,nl;q=0.5").name("payment-problem")).isEqualTo("Payment problem");
    assertThat(names.name("something-new")).isEqualTo("something-new");
    assertThat(names.name(null)).isNull();
    assertThat(names.version()).contains("v1");
  }

  @Test
  void beforeTheFirstTaxonomyEveryReasonShowsAsItsId() {
    assertThat(ReasonNames.ids().in("nl").name("payment-problem")).isEqualTo("payment-problem");
    assertThat(ReasonNames.ids().version()).isEmpty();
    assertThat(ReasonNames.ids().reasons()).isEmpty();
  }
}

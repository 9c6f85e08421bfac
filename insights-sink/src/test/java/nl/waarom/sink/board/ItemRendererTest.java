package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.SignalRow;
import nl.waarom.sink.db.TaxonomyRow;
import org.junit.jupiter.api.Test;

class ItemRendererTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final ReasonNames NAMES = ReasonNames.of(new TaxonomyRow("v1", START, "0", "",
      List.of(new TaxonomyRow.ReasonName("payment-problem", "Betaling lukt niet",
          "Payment problem", null, "prevent", "finance"))));

  /** A repeat hotspot of payment-problem, triaged, owned, with a week's volume of 1,234. */
  private static ItemView view() {
    InsightRow latest = new InsightRow("repeat:x", "REPEAT_HOTSPOT", "payment-problem", List.of(),
        START, START.plusSeconds(3600), 1_500, 10, List.of("CHAT"), List.of(), 7_219.0,
        "SELF_SERVICE", START, "payment-problem repeats", new InsightDetails("Payment problem",
            List.of(new SignalRow("QUEUE", "queue", "betalen", 40, 0.8, 0.05, 9.0)), 1_234.0,
            6.5, 0.9, 0.25, 9.0, null, null));
    Ranking ranking = Ranking.defaults();
    double value = ranking.valueAtStake(latest.estimatedCost(), null, 1_234.0, 6.5,
        "SELF_SERVICE", 0.25);
    BacklogItem item = new BacklogItem("repeat-hotspot.payment-problem",
        "Repeat hotspot: Payment problem", "REPEAT_HOTSPOT", "payment-problem", List.of(),
        "triaged", 1, START, START, 7_219.0, "SELF_SERVICE", latest, new BacklogItem.Work(value,
            1_234.0, 6.5, 0.25, "lena", null, null, null, null, null));
    return new ItemView(item, List.of(latest), List.of(new BacklogEvent(1, START, "eva", "status",
        "new", "triaged", null), new BacklogEvent(2, START, "eva", "owner", null, null, "lena")),
        new long[] {3, 5}, new double[] {2, 2}, NAMES);
  }

  @Test
  void theItemPageInDutchNamesItsStatusKindReasonAndActionsInDutch() {
    String html = ItemRenderer.render(new Page(Texts.NL, "/items/repeat-hotspot.payment-problem",
        Map.of()), view(), ValueFormula.defaults());

    assertThat(html).contains("<html lang=\"nl\">", ">← bord</a>")
        .contains("<title>Hotspot van herhaalcontacten: Betaling lukt niet · Waarom</title>")
        .contains("<h1>Hotspot van herhaalcontacten: Betaling lukt niet</h1>")
        .contains("<p class=\"meta\">status <b class=\"status\" id=\"status\">getrieerd</b>"
            + " · eigenaar <span id=\"owner\">lena</span> · soort hotspot van herhaalcontacten"
            + " · reden Betaling lukt niet</p>")
        .contains(" · ~1.234 contacten per week · afhandeltijd 6,5 min · herhaalpercentage 25%"
            + " · selfservice</p>")
        .contains("(selfservice)")
        .contains("<p class=\"signals\">Waarom: queue = <b>betalen</b> (80% t.o.v. 5%)</p>")
        .contains("aria-label=\"volume per uur tegen de basislijn\"", "piek 5 per uur")
        .contains("<li>2026-11-24 10:00 UTC · hotspot van herhaalcontacten · 1.500 contacten · ")
        .contains("eva · status nieuw → getrieerd", "eva · eigenaar: lena")
        .contains(">In behandeling</button>", "<label>Reden of notitie <input",
            "<label>Eigenaar <input", ">Toewijzen</button>", ">Notitie toevoegen</button>")
        .doesNotContain("Payment problem", "· owner", "handle time", "nobody", ">Assign");
  }

  @Test
  void inEnglishTheItemPageKeepsItsWordsAndTheStoredValues() {
    String html = ItemRenderer.render(view());

    assertThat(html).contains("<h1>Repeat hotspot: Payment problem</h1>")
        .contains("status <b class=\"status\" id=\"status\">triaged</b> · owner"
            + " <span id=\"owner\">lena</span> · kind REPEAT_HOTSPOT · reason Payment problem")
        .contains("~1,234 contacts per week · handle time 6.5 min · repeat rate 25%"
            + " · SELF_SERVICE")
        .contains("(80% vs 5%)", "eva · status new → triaged");
  }
}

package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.backtest.Flip;
import nl.waarom.analyzer.backtest.FlipGroup;
import nl.waarom.analyzer.backtest.ReasonChange;
import nl.waarom.sink.backtest.DraftBacktest;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.TaxonomyRow;
import org.junit.jupiter.api.Test;

class BacktestRendererTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final String NEW = "thermostaat-koppelen";
  private static final ReasonNames NAMES = ReasonNames.of(new TaxonomyRow("v1", AT, "0", "",
      List.of(new TaxonomyRow.ReasonName("payment-problem", "Betaling lukt niet",
          "Payment problem", null, "prevent", "finance"))));

  private static BacklogItem item(String status) {
    InsightRow latest = new InsightRow("emerging:x", "EMERGING_REASON", null,
        List.of("thermostaat", "koppelen"), AT, AT.plusSeconds(3600), 3, 0.0, List.of("CHAT"),
        List.of(), null, null, AT, "new phrases", InsightDetails.NONE);
    return new BacklogItem("emerging-reason.thermostaat_koppelen",
        "Emerging reason: thermostaat, koppelen", "EMERGING_REASON", null,
        List.of("thermostaat", "koppelen"), status, 1, AT, AT, null, null, latest);
  }

  /** 2,000 contacts: 1,500 explained before, 2,000 after; the new reason takes 500 + 1,200. */
  private static DraftBacktest backtest() {
    FlipGroup fromPayment = new FlipGroup("payment-problem", NEW, 1_200,
        List.of(new Flip("chat-3", "payment-problem", NEW, "thermostaat koppelen lukt niet")));
    FlipGroup fromNone = new FlipGroup(BacktestResult.UNEXPLAINED, NEW, 500, List.of());
    BacktestResult result = new BacktestResult("v1", "v1+draft", 2_000, 0, 1_500, 2_000,
        List.of(new ReasonChange(NEW, 0, 1_700),
            new ReasonChange("payment-problem", 1_500, 300),
            new ReasonChange(BacktestResult.UNEXPLAINED, 500, 0)),
        List.of(fromPayment, fromNone), Duration.ofMillis(2_500));
    return new DraftBacktest("emerging-reason.thermostaat_koppelen", "v1", NEW,
        List.of("thermostaat AND koppel*"), result, 50_000, null);
  }

  @Test
  void theBacktestInDutchWritesItsFiguresTheDutchWayAndNamesReasonsInDutch() {
    Page nl = new Page(Texts.NL, "/items/emerging-reason.thermostaat_koppelen/backtest", Map.of());

    String html = BacktestRenderer.render(nl, item("new"), backtest(), NAMES);

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"nl\">")
        .contains("<h1>Backtest van de voorgestelde regel: Nieuwe reden: thermostaat,"
            + " koppelen</h1>")
        .contains("<p>Voorgestelde regel <code class=\"rule\">thermostaat AND koppel*</code></p>")
        .contains("<dt>Geteste contacten</dt><dd id=\"contacts\">2.000 (de nieuwste, hoogstens"
            + " 50.000) tegen taxonomie v1</dd>")
        .contains("<dt>Contacten voor de nieuwe reden</dt><dd id=\"taken\">1.700</dd>")
        .contains("<dd id=\"from-unexplained\">500</dd>")
        .contains("<dt>Verklaard aandeel</dt><dd id=\"explained\">75,0% → 100,0%</dd>")
        .contains("<dd id=\"elapsed\">2,5 s</dd>")
        .contains("<h2>Overgenomen van andere redenen</h2>")
        .contains("Betaling lukt niet → nieuwe reden thermostaat-koppelen: 1.200")
        .contains("<h2>Onverklaarde contacten die de regel zou verklaren</h2>")
        .contains("onverklaard → nieuwe reden thermostaat-koppelen: 500")
        .contains(">Opnemen in de taxonomie</button>")
        .contains("(alleen voor redacteuren)")
        .doesNotContain("Payment problem", "Backtest of", "Explained share", "unexplained →");
    assertThat(BacktestRenderer.render(nl, item("dismissed"), backtest(), NAMES))
        .contains("<p id=\"promote-closed\">Dit item is afgewezen: het kan niet meer worden"
            + " opgenomen.</p>")
        .doesNotContain("id=\"promote\"");
    assertThat(BacktestRenderer.running(nl, item("new")))
        .contains("De backtest loopt: deze pagina toont de cijfers zodra hij klaar is.");
  }

  @Test
  void inEnglishTheSameFiguresKeepTheEnglishWay() {
    String html = BacktestRenderer.render(Page.english("/items/x/backtest"), item("new"),
        backtest(), NAMES);

    assertThat(html).contains("<dd id=\"contacts\">2,000 (the newest, at most 50,000) against"
            + " taxonomy v1</dd>")
        .contains("<dd id=\"explained\">75.0% → 100.0%</dd>")
        .contains("Payment problem → new reason thermostaat-koppelen: 1,200")
        .contains(">Promote to taxonomy</button>")
        .contains("<h1>Backtest of the drafted rule: Emerging reason: thermostaat, koppelen</h1>");
  }

  @Test
  void whyThereAreNoFiguresIsSaidInThePagesLanguage() {
    Page nl = new Page(Texts.NL, "/items/x/backtest", Map.of());
    String id = "emerging-reason.thermostaat_koppelen";

    assertThat(BacktestRenderer.render(nl, item("new"), new DraftBacktest(id, null, null,
        List.of(), null, 50_000, "No taxonomy has been published yet."), NAMES))
        .contains("<p id=\"backtest-problem\">Er is nog geen taxonomie gepubliceerd:")
        .doesNotContain("No taxonomy");
    BacktestResult none = new BacktestResult("v1", "v1+draft", 0, 0, 0, 0, List.of(), List.of(),
        Duration.ZERO);
    assertThat(BacktestRenderer.render(nl, item("new"), new DraftBacktest(id, "v1", NEW,
        List.of("thermostaat"), none, 50_000, "There are no contacts."), NAMES))
        .contains("<p id=\"backtest-problem\">Er zijn binnen de bewaartermijn nog geen contacten"
            + " om de regel op te testen.</p>")
        .doesNotContain("id=\"figures\"");
    assertThat(BacktestRenderer.render(nl, item("new"), new DraftBacktest(id, "v1", null,
        List.of(), null, 50_000, "The drafted reason does not load into taxonomy v1: bad <rule>"),
        NAMES))
        .contains("<p id=\"backtest-problem\">De voorgestelde reden past niet in taxonomie v1:"
            + " <code>The drafted reason does not load into taxonomy v1: bad &lt;rule&gt;</code>");
  }
}

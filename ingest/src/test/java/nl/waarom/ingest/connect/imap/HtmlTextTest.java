package nl.waarom.ingest.connect.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  private final HtmlText html = new HtmlText();

  @Test
  void blocksBecomeLinesAndTagsGo() {
    assertThat(html.toText("<html><head><title>x</title><style>p{color:red}</style></head>"
        + "<body><div>Mijn <b>factuur</b> klopt niet.<br>Bedrag: &euro;&nbsp;12,50</div>"
        + "<script>alert(1)</script></body></html>"))
        .isEqualTo("Mijn factuur klopt niet.\nBedrag: € 12,50");
  }

  @Test
  void quotedHistoryInBlockquoteAndGmailQuoteIsDropped() {
    assertThat(html.toText("<p>Nieuw</p><blockquote type=\"cite\"><p>Oud</p></blockquote>"))
        .isEqualTo("Nieuw");
    assertThat(html.toText("<div>Nieuw</div><div class=\"gmail_quote\">On Mon wrote:<div>Oud"
        + "</div></div>")).isEqualTo("Nieuw");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(html.toText("a &amp; b &lt;c&gt; &#233;&#xE9; &quot;q&quot; &unknown;"))
        .isEqualTo("a & b <c> éé \"q\" &unknown;");
  }
}

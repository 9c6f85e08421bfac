package nl.waarom.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void tagsBecomeLineBreaksOrNothingAndEntitiesAreDecoded() {
    assertThat(HtmlText.toText("<p>Hoi&nbsp;daar,</p><p>a &amp; b &lt;3 &#8364;5 &#x263A;"
        + "<br/>tot <b>straks</b></p><script>alert(1)</script><!-- x -->"))
        .isEqualTo("Hoi daar,\na & b <3 €5 ☺\ntot straks");
    assertThat(HtmlText.toText("  plain   text  ")).isEqualTo("plain text");
    assertThat(HtmlText.toText("&unknown; &#0;")).isEqualTo("&unknown; \uFFFD");
    assertThat(HtmlText.toText(null)).isNull();
  }

  @Test
  void blocksBecomeLinesAndTagsGo() {
    assertThat(HtmlText.mailBody("<html><head><title>x</title>"
        + "<style>p{color:red}</style></head><body><div>Mijn <b>factuur</b> klopt niet.<br>"
        + "Bedrag: &euro;&nbsp;12,50</div><script>alert(1)</script></body></html>"))
        .isEqualTo("Mijn factuur klopt niet.\nBedrag: € 12,50");
  }

  @Test
  void quotedHistoryInBlockquoteAndGmailQuoteIsDroppedFromMailOnly() {
    assertThat(HtmlText.mailBody(
        "<p>Nieuw</p><blockquote type=\"cite\"><p>Oud</p></blockquote>")).isEqualTo("Nieuw");
    assertThat(HtmlText.mailBody("<div>Nieuw</div><div class=\"gmail_quote\">"
        + "On Mon wrote:<div>Oud</div></div>")).isEqualTo("Nieuw");
    assertThat(HtmlText.toText("<p>Nieuw</p><blockquote><p>Oud</p></blockquote>"))
        .isEqualTo("Nieuw\nOud");
    assertThat(HtmlText.mailBody(null)).isNull();
  }

  @Test
  void mailParagraphsAreSeparatedByABlankLineMessageParagraphsAreNot() {
    String html = "<p>Ik wil opzeggen.</p>\n<p>Mijn nummer: 12</p><div><div>Groet</div></div>";

    assertThat(HtmlText.mailBody(html)).isEqualTo("Ik wil opzeggen.\n\nMijn nummer: 12\n\nGroet");
    assertThat(HtmlText.toText(html)).isEqualTo("Ik wil opzeggen.\nMijn nummer: 12\nGroet");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(HtmlText.toText("a &amp; b &lt;c&gt; &#233;&#xE9; &quot;q&quot; &AMP; &unknown;"))
        .isEqualTo("a & b <c> éé \"q\" & &unknown;");
  }

  @Test
  void aBlockInsideTextStartsANewLine() {
    assertThat(HtmlText.toText("Hoi<div>mijn order</div><div><div>is weg</div></div>"))
        .isEqualTo("Hoi\nmijn order\nis weg");
  }
}

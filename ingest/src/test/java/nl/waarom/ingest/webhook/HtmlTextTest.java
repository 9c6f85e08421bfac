package nl.waarom.ingest.webhook;

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
}

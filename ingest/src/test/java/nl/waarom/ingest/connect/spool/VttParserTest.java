package nl.waarom.ingest.connect.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarom.schemas.Speaker;
import org.junit.jupiter.api.Test;

class VttParserTest {
  static final SpeakerLabels LABELS = new SpeakerLabels(List.of("agent", "medewerker"),
      List.of("klant", "customer"), List.of("ivr", "virtual agent"));
  private final VttParser parser = new VttParser(LABELS);

  @Test
  void voiceTagsAndPrefixesGiveTurnsWithOffsets() throws Exception {
    Transcript t = parser.parse("""
        WEBVTT - gesprek

        NOTE
        contactId: call-77
        occurredAt: 2026-11-24T10:00:00Z

        1
        00:00:00.000 --> 00:00:03.000
        <v Agent Petra>Goedemiddag, u spreekt met Petra.</v>

        00:03.500 --> 00:06.000
        <v.loud Klant>Ik bel over mijn <i>factuur</i> &amp; de aanmaning.

        00:00:06.100 --> 00:00:08.000
        Klant: Die klopt niet.

        01:02:03.004 --> 01:02:04.000
        Medewerker: Ik kijk even mee.
        """);
    assertThat(t.meta()).containsEntry("contactId", "call-77")
        .containsEntry("occurredAt", "2026-11-24T10:00:00Z");
    assertThat(t.segments()).containsExactly(
        new Transcript.Segment(Speaker.AGENT, 0, "Goedemiddag, u spreekt met Petra."),
        new Transcript.Segment(Speaker.CUSTOMER, 3_500,
            "Ik bel over mijn factuur & de aanmaning. Die klopt niet."),
        new Transcript.Segment(Speaker.AGENT, 3_723_004, "Ik kijk even mee."));
  }

  @Test
  void longestLabelWinsSoAVirtualAgentIsABot() throws Exception {
    Transcript t = parser.parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Virtual Agent>Kies 1\n");
    assertThat(t.segments()).singleElement().extracting(Transcript.Segment::speaker)
        .isEqualTo(Speaker.BOT);
  }

  @Test
  void errorsNameTheProblemAndLine() {
    assertThatThrownBy(() -> parser.parse("hello\n")).hasMessageContaining("WEBVTT");
    assertThatThrownBy(() -> parser.parse("WEBVTT\n\n00:00.000 --> 00:01.000\nzonder spreker\n"))
        .hasMessage("line 4: cue has no speaker (neither a <v Speaker> tag nor a 'Speaker:' prefix)");
    assertThatThrownBy(() -> parser.parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Jan>Hoi\n"))
        .hasMessageContaining("line 4: speaker label is not in");
    assertThatThrownBy(() -> parser.parse("WEBVTT\n\nid\nnot a timing\nKlant: x\n"))
        .hasMessageContaining("line 4: expected a cue timing");
    assertThatThrownBy(() -> parser.parse("WEBVTT\n\nNOTE alleen metadata\n"))
        .hasMessage("WebVTT file has no cues with text");
  }
}

package nl.waarom.analyzer.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Sentiment;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import nl.waarom.schemas.TurnSentiment;
import org.junit.jupiter.api.Test;

class SentimentReportTest {
  private static final Contact CONTACT = Contact.newBuilder().setContactId("c")
      .setChannel(Channel.CALL).setOccurredAt(Instant.EPOCH).setTurns(List.of(
          new Turn(Speaker.AGENT, "Waarmee kan ik helpen?", 0L),
          new Turn(Speaker.CUSTOMER, "Mijn   pakket is al twee weken onderweg en niemand weet "
              + "waar het is, dit is echt de laatste keer", 0L))).build();

  @Test
  void oneLinePerTurnThenTheCustomersVerdict() {
    TurnSentiment agent = new TurnSentiment(0, Sentiment.NEUTRAL, 0.05f);
    TurnSentiment customer = new TurnSentiment(1, Sentiment.NEGATIVE, -0.8f);
    String report = SentimentReport.of(CONTACT,
        new ContactSentiment(List.of(agent, customer), customer, customer, true));
    assertThat(report.lines().toList()).containsExactly(
        "sentiment per turn:",
        "  [0] agent    neutral  +0.05  \"Waarmee kan ik helpen?\"",
        "  [1] customer negative -0.80  \"Mijn pakket is al twee weken onderweg en niemand weet waar…\"",
        "customer: negative at the start, negative at the end: a negative contact");
  }

  @Test
  void aCustomerWhoSaidNothing() {
    assertThat(SentimentReport.of(CONTACT, ContactSentiment.NONE).lines().toList())
        .containsExactly("sentiment per turn:", "customer: said nothing to go on");
  }
}

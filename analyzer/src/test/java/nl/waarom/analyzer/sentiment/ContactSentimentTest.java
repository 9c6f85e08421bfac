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

class ContactSentimentTest {
  private static final SentimentModel MODEL = SentimentModel.shipped();

  private static Contact contact(Turn... turns) {
    return Contact.newBuilder().setContactId("c").setChannel(Channel.CHAT)
        .setOccurredAt(Instant.EPOCH).setTurns(List.of(turns)).build();
  }

  private static Turn turn(Speaker speaker, String text) {
    return new Turn(speaker, text, 0L);
  }

  private static List<String> summary(ContactSentiment s) {
    return s.turns().stream().map(t -> t.getTurnIndex() + ":" + t.getSentiment()).toList();
  }

  @Test
  void everyCustomerAgentAndBotTurnWithWordsIsScoredInOrder() {
    ContactSentiment s = ContactSentiment.of(contact(
        turn(Speaker.BOT, "Welkom! Waarmee kan ik u helpen?"),
        turn(Speaker.CUSTOMER, "Mijn internet doet het al een week niet, echt belachelijk"),
        turn(Speaker.SYSTEM, "Gesprek doorgezet naar een medewerker"),
        turn(Speaker.AGENT, "Kunt u mij uw postcode en huisnummer geven?"),
        turn(Speaker.CUSTOMER, "..."),
        turn(Speaker.CUSTOMER, "Top, het werkt weer, heel erg bedankt!")), MODEL);
    assertThat(summary(s)).containsExactly("0:POSITIVE", "1:NEGATIVE", "3:NEUTRAL", "5:POSITIVE");
    assertThat(s.customerStart().getTurnIndex()).isEqualTo(1);
    assertThat(s.customerEnd().getTurnIndex()).isEqualTo(5);
    // complained, then ended content: the contact left the customer better off
    assertThat(s.negative()).isFalse();
    assertThat(s.turns()).allSatisfy(t -> assertThat(t.getScore()).isBetween(-1f, 1f));
  }

  @Test
  void aContactIsNegativeWhenTheCustomerEndsNegativeOrIsNegativeHalfTheTime() {
    assertThat(ContactSentiment.negative(List.of(t(Sentiment.POSITIVE), t(Sentiment.NEGATIVE))))
        .as("ended negative").isTrue();
    assertThat(ContactSentiment.negative(List.of(t(Sentiment.NEGATIVE), t(Sentiment.NEGATIVE),
        t(Sentiment.POSITIVE)))).as("negative throughout, polite at the end").isTrue();
    assertThat(ContactSentiment.negative(List.of(t(Sentiment.NEGATIVE), t(Sentiment.NEUTRAL),
        t(Sentiment.POSITIVE)))).as("better off at the end").isFalse();
    assertThat(ContactSentiment.negative(List.of(t(Sentiment.NEUTRAL)))).isFalse();
    assertThat(ContactSentiment.negative(List.of(t(Sentiment.NEGATIVE)))).isTrue();
  }

  private static TurnSentiment t(Sentiment sentiment) {
    return new TurnSentiment(0, sentiment, 0f);
  }

  @Test
  void aContactWhoseCustomerSaidNothingHasNoCustomerSentiment() {
    ContactSentiment s = ContactSentiment.of(contact(
        turn(Speaker.AGENT, "Wat is uw klantnummer?"),
        turn(Speaker.CUSTOMER, "   ")), MODEL);
    assertThat(summary(s)).containsExactly("0:NEUTRAL");
    assertThat(s.customerStart()).isNull();
    assertThat(s.customerEnd()).isNull();
    assertThat(s.negative()).isNull();
    assertThat(ContactSentiment.of(contact(), MODEL)).isEqualTo(ContactSentiment.NONE);
  }
}

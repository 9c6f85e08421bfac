package nl.waarom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.Test;

/** The broker fixture itself: a contact survives a real produce and consume through the serde. */
class KafkaBrokerIT {
  @Test
  void contactTravelsThroughARealBroker() {
    Topics topics = Topics.defaults();
    Contact c = Contact.newBuilder().setContactId("e-1").setChannel(Channel.EMAIL)
        .setOccurredAt(Instant.parse("2026-11-24T09:00:00Z"))
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, "Where is my parcel?", 0L))).build();
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopics(topics, 1);
      broker.produce(topics.contactsEmail, Map.of("e-1", c));
      try (var consumer = broker.consumer(topics.contactsEmail)) {
        var records = KafkaBroker.pollAtLeast(consumer, 1, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> r.value()).containsExactly(c);
      }
    }
  }
}

package nl.waarom.analyzer.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TrendEventSerdeTest {
  private final Topics topics = Topics.defaults();
  private final TrendEventSerde serde = new TrendEventSerde(topics.classified.valueSerde());
  private final ClassifiedContact earlier = ClassifiedContact.newBuilder().setContactId("a")
      .setChannel(Channel.CHAT).setOccurredAt(Instant.parse("2026-11-23T10:05:00Z"))
      .setTaxonomyVersion("t").setHandleMillis(42L)
      .setReasons(List.of(new ReasonMatch("billing", 0.9, ReasonSource.RULE, List.of()))).build();

  @Test
  void aContactBecomesAnArrivalAndARepeatEventOnTheEarlierChannelAndTime() {
    ClassifiedContact repeat = ClassifiedContact.newBuilder(earlier).setContactId("b")
        .setChannel(Channel.CALL).setOccurredAt(Instant.parse("2026-11-24T09:00:00Z"))
        .setRepeatOf("a").setRepeatOfOccurredAt(earlier.getOccurredAt())
        .setRepeatOfChannel(Channel.CHAT).setCustomerNegative(true).setCallbackRequested(true)
        .build();

    assertThat(TrendEvent.of(repeat)).extracting(kv -> kv.key + " " + kv.value).containsExactly(
        "billing|CALL " + new TrendEvent("billing", Channel.CALL,
            Instant.parse("2026-11-24T09:00:00Z").toEpochMilli(), 42L, false, true, true),
        "billing|CHAT " + new TrendEvent("billing", Channel.CHAT,
            earlier.getOccurredAt().toEpochMilli(), null, true, null, false));
    assertThat(TrendEvent.of(earlier)).hasSize(1);
  }

  @Test
  void eventsRoundTripAsJsonAndThePreviousVersionsContactsReadAsArrivals() {
    TrendEvent event = TrendEvent.of(earlier).get(0).value;
    byte[] json = serde.serializer().serialize("t", event);

    assertThat(json[0]).isEqualTo((byte) '{');
    assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(event);
    byte[] avro = topics.classified.valueSerde().serializer().serialize("t", earlier);
    assertThat(serde.deserializer().deserialize("t", avro)).isEqualTo(event);
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThatThrownBy(() -> serde.deserializer().deserialize("t",
        "garbage".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
  }

  @Test
  void anEventWrittenBeforeSentimentReadsAsOneWithout() {
    byte[] before = ("{\"reasonId\":\"billing\",\"channel\":\"CHAT\",\"at\":5,"
        + "\"handleMillis\":null,\"repeat\":false}").getBytes(StandardCharsets.UTF_8);
    assertThat(serde.deserializer().deserialize("t", before))
        .isEqualTo(new TrendEvent("billing", Channel.CHAT, 5, null, false, null, false));
  }

  @Test
  void anEventWrittenBeforeCallbackRequestsReadsAsOneWithoutAndItsWindowKeepsItsCounts() {
    byte[] before = ("{\"reasonId\":\"billing\",\"channel\":\"CHAT\",\"at\":5,"
        + "\"handleMillis\":7,\"repeat\":false,\"negative\":true}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(serde.deserializer().deserialize("t", before))
        .isEqualTo(new TrendEvent("billing", Channel.CHAT, 5, 7L, false, true, false));

    JsonSerde<TrendWindow> windows = new JsonSerde<>(TrendWindow.class);
    byte[] stored = ("{\"count\":3,\"handleMillisTotal\":9,\"handleCount\":2,"
        + "\"repeatCount\":1,\"sentimentCount\":2,\"negativeCount\":1}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(windows.deserializer().deserialize("s", stored).withArrival(null, null, true))
        .isEqualTo(new TrendWindow(4, 9, 2, 1, 2, 1, 1));
  }
}

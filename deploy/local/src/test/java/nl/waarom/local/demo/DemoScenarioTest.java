package nl.waarom.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {
  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void sameSeedSameContacts() {
    DemoScenario a = new DemoScenario(7);
    DemoScenario b = new DemoScenario(7);
    for (int i = 0; i < 50; i++) {
      assertThat(a.normalContact(AT)).isEqualTo(b.normalContact(AT));
    }
  }

  @Test
  void contactsAreVariedAcrossChannelsAndLanguagesAndCarryTheGatewayShape() {
    DemoScenario s = new DemoScenario(1);
    List<JsonNode> contacts = new ArrayList<>();
    IntStream.range(0, 500).forEach(i -> contacts.add(s.normalContact(AT)));
    assertThat(contacts).extracting(c -> c.get("channel").asText())
        .contains("CHAT", "CALL", "EMAIL");
    assertThat(contacts).extracting(c -> c.get("language").asText()).contains("nl", "en");
    assertThat(contacts).extracting(c -> c.get("contactId").asText()).doesNotHaveDuplicates();
    assertThat(contacts).allSatisfy(c -> {
      assertThat(c.get("occurredAt").asText()).isEqualTo(AT.toString());
      assertThat(c.get("turns").findValuesAsText("speaker")).contains("CUSTOMER");
    });
    assertThat(contacts).filteredOn(c -> c.get("channel").asText().equals("CALL"))
        .allSatisfy(c -> assertThat(c.get("talkMillis").asLong()).isPositive());
  }

  @Test
  void incidentContactsTalkAboutTheBrokenPaymentLink() {
    DemoScenario s = new DemoScenario(3);
    for (int i = 0; i < 20; i++) {
      JsonNode c = s.incidentContact(AT);
      assertThat(c.get("attributes").get("campaign").asText()).isEqualTo("nov-payment-mail");
      assertThat(c.get("turns").findValuesAsText("text").toString().toLowerCase(java.util.Locale.ROOT))
          .containsAnyOf("betaallink", "payment link", "pay now link", "link om te betalen");
    }
  }

  @Test
  void arrivalsAverageTheRate() {
    DemoScenario s = new DemoScenario(5);
    int total = IntStream.range(0, 2_000).map(i -> s.arrivals(4.0, Duration.ofSeconds(1))).sum();
    assertThat(total / 2_000.0).isBetween(3.7, 4.3);
  }
}

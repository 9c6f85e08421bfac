package nl.waarom.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.connect.imap.ImapSourceConfig;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connectors' records with {@code schema.registry.url} set, against the stand-in registry. */
class RegistryRecordsTest {
  private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start("connect", "pw");

  @AfterEach
  void stop() {
    registry.close();
  }

  private Map<String, String> config(String topic) {
    Map<String, String> c = new HashMap<>();
    c.put("imap.host", "mail.example.nl");
    c.put("imap.user", "support");
    c.put("imap.password", "pw");
    c.put("pseudonym.secret", "s");
    c.put("imap.topic", topic);
    c.put("schema.registry.url", registry.url());
    c.put("schema.registry.user", "connect");
    c.put("schema.registry.password", "pw");
    return c;
  }

  private static Contact contact() {
    return Contact.newBuilder().setContactId("mail-1").setChannel(Channel.EMAIL)
        .setOccurredAt(Instant.parse("2026-11-24T10:00:00Z")).setTurns(List.of()).build();
  }

  @Test
  void contactsAndDeadLettersAreWrittenInTheRegistryFormatUnderTheirTopicsSubjects() {
    ImapSourceConfig config = new ImapSourceConfig(config(""));
    Records records = new Records(CommonConfig.topics(config), "imap-connector");

    SourceRecord contact = records.contact(Map.of(), Map.of(), config.topic(), contact());
    SourceRecord dead = records.deadLetter(Map.of(), Map.of(), "INBOX/7", new byte[] {1},
        "not a mail", null);

    assertThat(((byte[]) contact.value())[0]).isZero();
    assertThat(((byte[]) dead.value())[0]).isZero();
    assertThat(registry.subjects()).containsExactly("waarom.contacts.email-value", "waarom.dlq-value");
    assertThat(CommonConfig.topics(config).contactsEmail.valueSerde().deserializer()
        .deserialize("waarom.contacts.email", (byte[]) contact.value())).isEqualTo(contact());
    assertThat(CommonConfig.topics(config).deadLetters.valueSerde().deserializer()
        .deserialize("waarom.dlq", (byte[]) dead.value())).extracting(DeadLetter::getError)
        .isEqualTo("not a mail");
  }

  @Test
  void aTopicOutsideTheCatalogueGetsASubjectOfItsOwn() {
    ImapSourceConfig config = new ImapSourceConfig(config("support.mail"));
    Records records = new Records(CommonConfig.topics(config), "imap-connector");

    SourceRecord contact = records.contact(Map.of(), Map.of(), "support.mail", contact());

    assertThat(((byte[]) contact.value())[0]).isZero();
    assertThat(registry.subjects()).containsExactly("support.mail-value");
    assertThatThrownBy(() -> AvroSerde.of(Contact.class).decode((byte[]) contact.value()))
        .hasMessageContaining("no schema registry is configured");
  }

  @Test
  void aRegistryUrlThatIsNotHttpIsRefused() {
    Map<String, String> c = config("");
    c.put("schema.registry.url", "registry:8081");
    assertThatThrownBy(() -> new ImapSourceConfig(c)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }
}

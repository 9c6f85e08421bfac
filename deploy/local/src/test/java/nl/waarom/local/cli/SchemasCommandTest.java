package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReleasedSchemas;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code waarom schemas register} against the stand-in registry. */
class SchemasCommandTest {
  private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start("ops", "pw");

  @AfterEach
  void stop() {
    registry.close();
  }

  private CliRun cli() {
    return new CliRun(Map.of("WAAROM_SCHEMA_REGISTRY_URL", registry.url(),
        "WAAROM_SCHEMA_REGISTRY_USER", "ops", "WAAROM_SCHEMA_REGISTRY_PASSWORD", "pw",
        "WAAROM_TOPIC_PREFIX", "acme."));
  }

  /** How many versions of the classified-contact schema have been released. */
  private static int classifiedReleases() {
    int released = ReleasedSchemas.versionsOf(ClassifiedContact.getClassSchema().getFullName())
        .size();
    assertThat(released).as("the released history is on the class path").isGreaterThan(1);
    return released;
  }

  @Test
  void registersEveryReleasedVersionOfEveryTopicOnceSoWritersThatOnlyLookUpCanWrite() {
    CliRun cli = cli();
    assertThat(cli.execute("schemas", "register")).as(cli.err()).isZero();

    assertThat(registry.subjects()).containsExactly("acme.contacts.chat-value",
        "acme.contacts.call-value", "acme.contacts.email-value",
        "acme.contacts.classified-value", "acme.reason-trends-value",
        "acme.explained-share-value", "acme.insights-value", "acme.dlq-value",
        "acme.taxonomy-value", "acme.corrections-value");
    assertThat(registry.versions("acme.contacts.classified-value")).hasSize(classifiedReleases());
    assertThat(cli.out()).contains("acme.contacts.classified-value v" + classifiedReleases()
        + " id=");
    int requests = registry.requests();
    assertThat(cli.execute("schemas", "register")).isZero();
    assertThat(registry.versions("acme.contacts.classified-value")).as("again: nothing new")
        .hasSize(classifiedReleases());
    assertThat(registry.requests()).isGreaterThan(requests);

    Topics lookUpOnly = Topics.withPrefix("acme.", new SchemaRegistryClient(
        new SchemaRegistryClient.Options(URI.create(registry.url()), "ops", "pw", false,
            Duration.ofSeconds(5))));
    Contact contact = Contact.newBuilder().setContactId("c1").setChannel(Channel.CALL)
        .setOccurredAt(Instant.EPOCH).setTurns(List.of()).build();
    byte[] bytes = lookUpOnly.contactsCall.valueSerde().serializer()
        .serialize("acme.contacts.call", contact);
    assertThat(bytes[0]).isZero();
    assertThat(lookUpOnly.contactsCall.valueSerde().deserializer()
        .deserialize("acme.contacts.call", bytes)).isEqualTo(contact);
  }

  @Test
  void aSubjectAWriterRegisteredAlreadyGetsNoOlderVersionOnTop() {
    Topics writer = Topics.withPrefix("acme.", new SchemaRegistryClient(
        new SchemaRegistryClient.Options(URI.create(registry.url()), "ops", "pw", true,
            Duration.ofSeconds(5))));
    byte[] bytes = writer.classified.valueSerde().serializer().serialize("acme.contacts.classified",
        ClassifiedContact.newBuilder().setContactId("x").setChannel(Channel.CHAT)
            .setOccurredAt(Instant.EPOCH).setTaxonomyVersion("1").build());
    int latest = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();

    CliRun cli = cli();
    assertThat(cli.execute("schemas", "register")).as(cli.err()).isZero();

    assertThat(registry.versions("acme.contacts.classified-value")).containsExactly(latest);
    assertThat(cli.out()).contains("acme.contacts.classified-value v" + classifiedReleases()
        + " id=" + latest);
    assertThat(registry.versions("acme.contacts.chat-value")).hasSize(1);
  }

  @Test
  void withoutARegistryOrWithAWrongPasswordItSaysSoAndFails() {
    CliRun none = new CliRun();
    assertThat(none.execute("schemas", "register")).isEqualTo(1);
    assertThat(none.err()).contains("WAAROM_SCHEMA_REGISTRY_URL is not set");

    CliRun wrong = new CliRun(Map.of("WAAROM_SCHEMA_REGISTRY_URL", registry.url(),
        "WAAROM_SCHEMA_REGISTRY_USER", "ops", "WAAROM_SCHEMA_REGISTRY_PASSWORD", "nope"));
    assertThat(wrong.execute("schemas", "register")).isEqualTo(1);
    assertThat(wrong.err()).contains("401");
    assertThat(registry.subjects()).isEmpty();
  }
}

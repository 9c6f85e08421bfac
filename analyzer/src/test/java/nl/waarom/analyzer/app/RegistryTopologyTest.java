package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.platform.Config;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's topology with the topic catalogue in schema-registry mode (against the stand-in
 * registry): it reads contacts in either encoding, writes its output topics in the registry wire
 * format, keeps its internal topics unregistered, and retries rather than dead-letters a record
 * whose writer schema the registry cannot give.
 */
class RegistryTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static Classifier classifier;

  private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start();
  private final Topics topics = Topics.withPrefix("waarom.",
      new SchemaRegistryClient(SchemaRegistryClient.Options.of(registry.url())));
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> chat;
  private TestOutputTopic<String, byte[]> classifiedBytes;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeAll
  static void loadTaxonomy() {
    classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
  }

  @AfterAll
  static void closeClassifier() {
    classifier.close();
  }

  @BeforeEach
  void startDriver() {
    Config config = Config.load(AnalyzerSettings.all(),
        Map.of("WAAROM_ANALYZER_STATE_DIR", stateDir.toString()));
    Properties props = AnalyzerApp.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(AnalyzerOptions.from(config),
        topics, classifier, new SimpleMeterRegistry()), props, T0);
    chat = driver.createInputTopic(topics.contactsChat.name(), new StringSerializer(),
        new ByteArraySerializer());
    classifiedBytes = raw(topics.classified);
    deadLetters = raw(topics.deadLetters);
  }

  private TestOutputTopic<String, byte[]> raw(Topic<String, ?> topic) {
    return driver.createOutputTopic(topic.name(), new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void close() {
    driver.close();
    registry.close();
  }

  private void flush() {
    driver.advanceWallClockTime(Duration.ofMinutes(5));
    for (int round = 0; round < 3; round++) {
      driver.advanceWallClockTime(Duration.ofSeconds(11));
    }
  }

  private byte[] registryFormat(Contact contact) {
    return topics.contactsChat.valueSerde().serializer().serialize(topics.contactsChat.name(), contact);
  }

  @Test
  void readsBothEncodingsAndWritesItsOutputsInTheRegistryFormat() {
    Contact before = customerSays("before-switch", Channel.CHAT, T0, "ik ga verhuizen");
    Contact after = customerSays("after-switch", Channel.CHAT, T0.plusSeconds(1), "ik ga verhuizen");
    chat.pipeInput(before.getContactId(), AvroSerde.of(Contact.class).encode(before), T0);
    chat.pipeInput(after.getContactId(), registryFormat(after), T0);
    flush();

    List<byte[]> out = classifiedBytes.readValuesToList();
    assertThat(out).hasSize(2).allSatisfy(bytes -> assertThat(bytes[0]).isZero());
    assertThat(out.stream().map(b -> topics.classified.valueSerde().deserializer()
        .deserialize(topics.classified.name(), b)).map(ClassifiedContact::getContactId))
        .containsExactly("before-switch", "after-switch");
    assertThat(deadLetters.isEmpty()).isTrue();
    // only the catalogue's topics have subjects: the repartition and changelog topics stay internal
    assertThat(registry.subjects()).allSatisfy(subject -> assertThat(subject)
        .endsWith("-value").startsWith("waarom.").doesNotContain("repartition", "changelog"));
    assertThat(registry.subjects()).contains("waarom.contacts.chat-value",
        "waarom.contacts.classified-value", "waarom.reason-trends-value",
        "waarom.explained-share-value");
  }

  @Test
  void aContactWhoseSchemaTheRegistryCannotGiveIsRetriedNotDeadLettered() {
    Contact contact = customerSays("c-1", Channel.CHAT, T0, "ik ga verhuizen");
    byte[] bytes = registryFormat(contact);
    registry.close(); // this analyzer has not fetched the contact's schema yet and now cannot

    assertThatThrownBy(() -> chat.pipeInput(contact.getContactId(), bytes, T0))
        .satisfies(e -> assertThat(causes(e)).anyMatch(SchemaRegistryException.class::isInstance));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void anOutputWhoseSchemaCannotBeRegisteredFailsTheThreadInsteadOfBeingDropped() {
    Contact contact = customerSays("c-2", Channel.CHAT, T0, "ik ga verhuizen");
    byte[] bytes = registryFormat(contact); // registered here: the contact's schema is known
    registry.close(); // but the analyzer's outputs have not been registered yet

    assertThatThrownBy(() -> {
      chat.pipeInput(contact.getContactId(), bytes, T0);
      flush();
    }).satisfies(e -> assertThat(causes(e)).anyMatch(t -> t instanceof SchemaRegistryException
        && t.getMessage().startsWith("cannot register")));
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(classifiedBytes.isEmpty()).isTrue();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new java.util.ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.add(t);
    }
    return all;
  }
}

package nl.waarom.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * Registers every released schema version with a schema registry ahead of the writers: for each
 * topic of a catalogue, versions v1 to vN of its record under {@code <topic>-value}, oldest first,
 * so the subject's history is the release history and the registry checks each step. Versions
 * older than the newest one the subject already has are left out (registering them after it would
 * make an old version the subject's latest), so running it again changes nothing. This is what a deployment runs when its
 * writers only look schemas up ({@code WAAROM_SCHEMA_REGISTRY_AUTO_REGISTER=false}).
 */
public final class SchemaRegistration {
  private SchemaRegistration() {}

  /**
   * One registered version.
   *
   * @param subject e.g. {@code waarom.contacts.chat-value}
   * @param version the released version, from 1
   * @param id the registry's schema id
   */
  public record Registered(String subject, int version, int id) {}

  /**
   * Registers the released versions of every topic of {@code topics}.
   *
   * @return per subject, the newest version it already had (if any) and what was registered,
   *     oldest first; never null
   * @throws org.apache.kafka.common.errors.SerializationException when the registry refuses a
   *     version (incompatible with what the subject holds)
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public static List<Registered> registerReleased(Topics topics, SchemaRegistryClient registry) {
    List<Registered> registered = new ArrayList<>();
    for (Topic<String, ?> topic : topics.all()) {
      String subject = AvroSerde.subject(topic.name());
      Class<?> type = ((AvroSerde<?>) topic.valueSerde()).type();
      List<Schema> versions = ReleasedSchemas.versionsOf(type.getName()).stream()
          .map(RegisteredSchema::of).toList();
      int from = 0;
      for (int v = versions.size() - 1; v >= 0; v--) {
        OptionalInt id = registry.find(subject, versions.get(v));
        if (id.isPresent()) {
          registered.add(new Registered(subject, v + 1, id.getAsInt()));
          from = v + 1;
          break;
        }
      }
      for (int v = from; v < versions.size(); v++) {
        registered.add(new Registered(subject, v + 1, registry.register(subject, versions.get(v))));
      }
    }
    return List.copyOf(registered);
  }
}

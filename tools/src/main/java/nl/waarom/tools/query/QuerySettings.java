package nl.waarom.tools.query;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Setting;

/**
 * The settings of the query commands ({@code ./waarom insights}, {@code trends},
 * {@code contacts}): where Kafka is and which installation's topics to read, the same variables
 * the services read. A secured cluster's client properties come with
 * {@link CommonSettings#KAFKA_CLIENT_PROPERTIES}.
 */
public final class QuerySettings {
  private QuerySettings() {}

  /** The catalogue; never null. */
  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(List.of(CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
        CommonSettings.KAFKA_CLIENT_PROPERTIES, CommonSettings.TOPIC_PREFIX));
    all.addAll(CommonSettings.schemaRegistry()); // a registry's records decode through it
    return List.copyOf(all);
  }
}

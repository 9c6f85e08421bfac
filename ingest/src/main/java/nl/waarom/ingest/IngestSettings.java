package nl.waarom.ingest;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.Setting;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings shared by every ingest component (gateway and replay): where Kafka is and how to
 * connect to it, the topic prefix, the schema registry, and the pseudonym secret. Each component's own catalogue adds these to its keys.
 */
public final class IngestSettings {
  public static final String DEFAULT_PSEUDONYM_SECRET = "change-me-local-only";

  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS;
  public static final Setting<String> KAFKA_CLIENT_PROPERTIES = CommonSettings.KAFKA_CLIENT_PROPERTIES;
  public static final Setting<String> TOPIC_PREFIX = CommonSettings.TOPIC_PREFIX;
  public static final Setting<String> PSEUDONYM_SECRET = Setting.secret(
      "WAAROM_PSEUDONYM_SECRET", DEFAULT_PSEUDONYM_SECRET,
      "HMAC-SHA256 key that turns a raw customerId into the customerKey pseudonym. Use the same "
          + "secret on every ingest instance, or repeat contacts no longer join; keep it secret.");

  private static final Logger LOG = LoggerFactory.getLogger(IngestSettings.class);

  private IngestSettings() {}

  /** The shared settings; never null. */
  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(List.of(KAFKA_BOOTSTRAP_SERVERS, KAFKA_CLIENT_PROPERTIES,
        TOPIC_PREFIX));
    all.addAll(CommonSettings.schemaRegistry());
    all.add(PSEUDONYM_SECRET);
    return List.copyOf(all);
  }

  /** The topic catalogue for the configured prefix and schema registry. */
  public static Topics topics(Config config) {
    return CommonSettings.topics(config);
  }

  /** The pseudonymizer for the configured secret; warns when it is the published default. */
  public static Pseudonymizer pseudonymizer(Config config) {
    String secret = config.get(PSEUDONYM_SECRET);
    if (DEFAULT_PSEUDONYM_SECRET.equals(secret)) {
      LOG.warn("{} is the built-in default: customer pseudonyms can be recomputed by anyone. "
          + "Set a private secret outside local development.", PSEUDONYM_SECRET.env());
    }
    return new Pseudonymizer(secret);
  }
}

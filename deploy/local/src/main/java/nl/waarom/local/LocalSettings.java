package nl.waarom.local;

import java.time.Duration;
import java.util.List;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Setting;

/** Configuration of the all-in-one local stack and its demo scenario (environment variables). */
public final class LocalSettings {
  public static final Setting<String> DATA_DIR = CommonSettings.DATA_DIR;
  public static final Setting<Integer> KAFKA_PORT = Setting.integer("WAAROM_KAFKA_PORT", 9092, 0, 65535,
      "Client port of the embedded Kafka broker on localhost (0 = pick a free port).");
  public static final Setting<Integer> KAFKA_CONTROLLER_PORT = Setting.integer(
      "WAAROM_KAFKA_CONTROLLER_PORT", 9093, 0, 65535,
      "KRaft controller port of the embedded broker on localhost (0 = pick a free port).");
  public static final Setting<Double> DEMO_RATE = Setting.decimal("WAAROM_DEMO_RATE", 4.0, 0.1, 500,
      "Normal demo traffic in contacts per second (Poisson arrivals).");
  public static final Setting<Duration> DEMO_INCIDENT_AFTER = Setting.duration(
      "WAAROM_DEMO_INCIDENT_AFTER", "150s",
      "When the demo's incident (a broken payment link in a marketing e-mail) starts, after the demo starts.");
  public static final Setting<Duration> DEMO_INCIDENT_DURATION = Setting.duration(
      "WAAROM_DEMO_INCIDENT_DURATION", "5m", "How long the incident's surge of contacts lasts.");
  public static final Setting<Double> DEMO_INCIDENT_RATE = Setting.decimal("WAAROM_DEMO_INCIDENT_RATE",
      2.0, 0.1, 500, "Extra contacts per second caused by the incident.");
  public static final Setting<Integer> DEMO_SEED = Setting.integer("WAAROM_DEMO_SEED", 42, 0,
      Integer.MAX_VALUE, "Random seed of the demo scenario (same seed, same contacts).");

  private LocalSettings() {}

  public static List<Setting<?>> all() {
    return List.of(DATA_DIR, KAFKA_PORT, KAFKA_CONTROLLER_PORT, DEMO_RATE, DEMO_INCIDENT_AFTER,
        DEMO_INCIDENT_DURATION, DEMO_INCIDENT_RATE, DEMO_SEED);
  }
}

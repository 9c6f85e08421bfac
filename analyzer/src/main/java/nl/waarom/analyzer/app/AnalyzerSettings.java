package nl.waarom.analyzer.app;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.waarom.analyzer.emerging.EmergingSettings;
import nl.waarom.common.CommonSettings;
import nl.waarom.common.Setting;

/** The analyzer's configuration catalogue: every environment variable it reads. */
public final class AnalyzerSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS;
  public static final Setting<String> TOPIC_PREFIX = CommonSettings.TOPIC_PREFIX;
  public static final Setting<String> APPLICATION_ID = Setting.string(
      "WAAROM_ANALYZER_APPLICATION_ID", "waarom-analyzer",
      "Kafka Streams application id: consumer group, and prefix of internal topics. Instances "
          + "with the same id share the work.");
  public static final Setting<String> STATE_DIR = Setting.string(
      "WAAROM_ANALYZER_STATE_DIR",
      System.getProperty("java.io.tmpdir") + java.io.File.separator + "waarom-analyzer",
      "Directory for local state stores; keep it on a persistent volume to avoid restoring "
          + "from the changelogs after a restart.");
  public static final Setting<Integer> PORT = Setting.integer(
      "WAAROM_ANALYZER_PORT", 8082, 0, 65535,
      "HTTP port for /healthy, /ready and /metrics; 0 picks a free port.");
  public static final Setting<ProcessingGuarantee> PROCESSING_GUARANTEE = new Setting<>(
      "WAAROM_ANALYZER_PROCESSING_GUARANTEE", "enum", "exactly_once_v2", false,
      "Kafka Streams processing guarantee: exactly_once_v2 (default) or at_least_once.",
      ProcessingGuarantee::parse);
  public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration(
      "WAAROM_ANALYZER_COMMIT_INTERVAL", "100ms",
      "How often Kafka Streams commits; with exactly-once this is how soon results are visible.");
  public static final Setting<Duration> TREND_GRACE = Setting.duration(
      "WAAROM_TREND_GRACE", "5m",
      "How long after a one-minute window ends late contacts are still counted in it.");
  public static final Setting<Integer> SPIKE_BASELINE_WINDOWS = Setting.integer(
      "WAAROM_SPIKE_BASELINE_WINDOWS", 15, 1, 1440,
      "Number of preceding one-minute windows whose mean count is the baseline of a reason.");
  public static final Setting<Integer> SPIKE_MIN_COUNT = Setting.integer(
      "WAAROM_SPIKE_MIN_COUNT", 10, 1, 1_000_000,
      "A reason's window needs at least this many contacts to be reported as a spike.");
  public static final Setting<Double> SPIKE_FACTOR = Setting.decimal(
      "WAAROM_SPIKE_FACTOR", 3.0, 1.0, 1000.0,
      "A spike needs at least this multiple of max(baseline, 1) contacts in one window.");
  public static final Setting<Integer> SPIKE_MIN_HISTORY_WINDOWS = Setting.integer(
      "WAAROM_SPIKE_MIN_HISTORY_WINDOWS", 3, 1, 1440,
      "No spike is reported until the analyzer has watched this many one-minute windows, so a cold "
          + "start with no baseline yet does not look like a surge.");
  public static final Setting<String> TAXONOMY_FILE = Setting.string(
      "WAAROM_TAXONOMY_FILE", "",
      "Path of a taxonomy YAML file (format: analyzer/TAXONOMY.md); empty uses the built-in "
          + "default taxonomy.");
  public static final Setting<Duration> TAXONOMY_RELOAD_INTERVAL = Setting.duration(
      "WAAROM_TAXONOMY_RELOAD_INTERVAL", "30s",
      "How often the taxonomy file is checked for changes; a changed file that is valid replaces "
          + "the running taxonomy, a bad one is logged and ignored. 0 turns reloading off.");
  public static final Setting<String> TRAINING_CSV = Setting.string(
      "WAAROM_TRAINING_CSV", "",
      "Optional CSV (columns text,label; labels are reason ids) of labelled contacts that train the "
          + "learned model besides the taxonomy's examples; empty uses the examples only.");
  public static final Setting<Double> MODEL_MIN_CONFIDENCE = Setting.decimal(
      "WAAROM_MODEL_MIN_CONFIDENCE", 0.5, 0.0, 1.0,
      "The learned model names a reason the rules missed only when its probability is at least "
          + "this (and at least its calibrated threshold); below it the contact stays unexplained.");
  public static final Setting<Double> COST_PER_MINUTE = Setting.decimal(
      "WAAROM_COST_PER_MINUTE", 1.0, 0.0, 1_000_000.0,
      "Cost of one minute of handling time, used for the estimated cost of insights.");
  public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer(
      "WAAROM_TOPIC_PARTITIONS", 3, 1, 10_000,
      "Partitions of topics the analyzer creates when they are missing.");
  public static final Setting<Integer> TOPIC_REPLICATION = Setting.integer(
      "WAAROM_TOPIC_REPLICATION", 1, 1, 32,
      "Replication factor of topics the analyzer creates when they are missing (and of its "
          + "internal topics).");

  private AnalyzerSettings() {}

  /** Every setting, in documentation order. */
  public static List<Setting<?>> all() {
    return Stream.of(List.<Setting<?>>of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, APPLICATION_ID, STATE_DIR,
        PORT, PROCESSING_GUARANTEE, COMMIT_INTERVAL, TREND_GRACE, SPIKE_BASELINE_WINDOWS,
        SPIKE_MIN_COUNT, SPIKE_FACTOR, SPIKE_MIN_HISTORY_WINDOWS, TAXONOMY_FILE,
        TAXONOMY_RELOAD_INTERVAL, TRAINING_CSV, MODEL_MIN_CONFIDENCE, COST_PER_MINUTE, TOPIC_PARTITIONS,
        TOPIC_REPLICATION), EmergingSettings.all()).flatMap(List::stream).toList();
  }
}

package nl.waarom.analyzer.app;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.waarom.analyzer.emerging.EmergingSettings;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Setting;

/** The analyzer's configuration catalogue: every environment variable it reads. */
public final class AnalyzerSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS;
  public static final Setting<String> KAFKA_CLIENT_PROPERTIES = CommonSettings.KAFKA_CLIENT_PROPERTIES;
  public static final Setting<String> TOPIC_PREFIX = CommonSettings.TOPIC_PREFIX;
  public static final Setting<Duration> SESSION_TIMEOUT = CommonSettings.KAFKA_SESSION_TIMEOUT;
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
  public static final Setting<String> BIND = Setting.string(
      "WAAROM_ANALYZER_BIND", "127.0.0.1",
      "Address of the analyzer's HTTP port: 127.0.0.1 (default) serves this machine only; "
          + "0.0.0.0 every network interface (the container image sets this, for probes and "
          + "Prometheus).");
  public static final Setting<ProcessingGuarantee> PROCESSING_GUARANTEE = new Setting<>(
      "WAAROM_ANALYZER_PROCESSING_GUARANTEE", "enum", "exactly_once_v2", false,
      "Kafka Streams processing guarantee: exactly_once_v2 (default) or at_least_once.",
      ProcessingGuarantee::parse);
  public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration(
      "WAAROM_ANALYZER_COMMIT_INTERVAL", "100ms",
      "How often Kafka Streams commits; with exactly-once this is how soon results are visible.");
  public static final Setting<Integer> STREAM_THREADS = Setting.integer(
      "WAAROM_ANALYZER_STREAM_THREADS", 1, 1, 64,
      "Kafka Streams threads of this instance; tasks (one per partition and sub-topology) are "
          + "shared among all threads of all instances, so more than the partition count per "
          + "instance adds nothing. The local stack uses half the processors (at least 1, at most "
          + "the partition count) unless set.");
  public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer(
      "WAAROM_ANALYZER_STANDBY_REPLICAS", 0, 0, 8,
      "Warm copies of each task's state kept on other instances, so an instance that fails is "
          + "replaced without restoring its state from the changelogs first; useful from two "
          + "instances on. Each copy costs the state's disk space and changelog reads.");
  public static final Setting<Duration> TREND_GRACE = Setting.duration(
      "WAAROM_TREND_GRACE", "5m",
      "How long after a one-minute window ends late contacts are still counted in it.");
  public static final Setting<Duration> TREND_ROLLUP_GRACE = Setting.duration(
      "WAAROM_TREND_ROLLUP_GRACE", "48h",
      "How long after a 15- or 60-minute window ends late contacts are still counted in it, so an "
          + "email answered tomorrow counts in today's window.");
  public static final Setting<Integer> TREND_BASELINE_WINDOWS = Setting.integer(
      "WAAROM_TREND_BASELINE_WINDOWS", 15, 1, 1440,
      "Number of preceding windows of the same size whose mean count is a trend's baseline (for "
          + "hourly windows only until earlier weeks were watched).");
  public static final Setting<Integer> TREND_BASELINE_WEEKS = Setting.integer(
      "WAAROM_TREND_BASELINE_WEEKS", 4, 1, 8,
      "Number of previous weeks whose same hour of the week forms the baseline of an hourly "
          + "trend (weighted mean, latest week heaviest).");
  public static final Setting<Integer> SPIKE_BASELINE_WINDOWS = Setting.integer(
      "WAAROM_SPIKE_BASELINE_WINDOWS", 15, 1, 1440,
      "Number of preceding one-minute windows whose mean count is the baseline of a reason while "
          + "less than a week of its weekly rhythm has been watched (and the trend baseline).");
  public static final Setting<Integer> SPIKE_MIN_COUNT = Setting.integer(
      "WAAROM_SPIKE_MIN_COUNT", 8, 1, 1_000_000,
      "A spike needs at least this many contacts more than expected in its episode.");
  public static final Setting<Integer> SPIKE_MIN_HISTORY_WINDOWS = Setting.integer(
      "WAAROM_SPIKE_MIN_HISTORY_WINDOWS", 3, 1, 1440,
      "No spike is reported until the analyzer has watched this many one-minute windows, so a cold "
          + "start with no baseline yet does not look like a surge.");
  public static final Setting<String> TAXONOMY_FILE = Setting.string(
      "WAAROM_TAXONOMY_FILE", "",
      "Path of a taxonomy YAML file (format: docs/taxonomy.md); empty uses the built-in "
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
          + "this and its calibrated rule does not leave the contact unexplained; below it the "
          + "contact stays unexplained. 0 leaves the decision to the model's rule alone.");
  public static final Setting<Duration> FEEDBACK_RETRAIN_DELAY = Setting.duration(
      "WAAROM_FEEDBACK_RETRAIN_DELAY", "30s",
      "Longest time an editor's correction waits before the learned model is retrained with it; "
          + "corrections that arrive meanwhile are learned in the same training. Classification "
          + "goes on with the previous model while the new one trains.");
  public static final Setting<Integer> FEEDBACK_RETRAIN_BATCH = Setting.integer(
      "WAAROM_FEEDBACK_RETRAIN_BATCH", 200, 1, 1_000_000,
      "Retrain at once, without waiting for WAAROM_FEEDBACK_RETRAIN_DELAY, when this many "
          + "corrections are waiting to be learned.");
  public static final Setting<Duration> FEEDBACK_CATCH_UP_TIMEOUT = Setting.duration(
      "WAAROM_FEEDBACK_CATCH_UP_TIMEOUT", "60s",
      "At start-up the analyzer reads every correction on the corrections topic before it "
          + "classifies, for at most this long; after that it starts with what it has read and "
          + "learns the rest in the background. 0 does not wait.");
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
  public static final Setting<Duration> REPEAT_WINDOW = Setting.duration(
      "WAAROM_REPEAT_WINDOW", "7d",
      "A contact is a repeat when the same customer contacted about the same reason (on any "
          + "channel) at most this long before it.");
  public static final Setting<Duration> REPEAT_TRANSFER_GAP = Setting.duration(
      "WAAROM_REPEAT_TRANSFER_GAP", "15m",
      "A contact at most this long after the customer's previous contact is a transfer (the same "
          + "conversation handed on), never a repeat. Must be shorter than WAAROM_REPEAT_WINDOW.");
  public static final Setting<Duration> REPEAT_LATENESS = Setting.duration(
      "WAAROM_REPEAT_LATENESS", "2d",
      "How far behind the newest contact seen (event time) a contact may arrive and still be "
          + "judged by the repeat ledger; later ones pass through unmarked and are counted in "
          + "waarom.analyzer.repeat.ledger{outcome=too-late}. The ledger keeps "
          + "WAAROM_REPEAT_WINDOW + this of history per customer.");
  public static final Setting<Duration> REPEAT_EARLY_HORIZON = Setting.duration(
      "WAAROM_REPEAT_EARLY_HORIZON", "24h",
      "The repeat hotspot detector first judges a day by the repeats that followed within this "
          + "long (so it can report a day after the day rather than a whole window after), then "
          + "again when the whole WAAROM_REPEAT_WINDOW has passed. At most WAAROM_REPEAT_WINDOW.");
  public static final Setting<Double> REPEAT_RATE_THRESHOLD = Setting.decimal(
      "WAAROM_REPEAT_RATE_THRESHOLD", 0.25, 0.001, 10.0,
      "A reason's day whose repeat rate (repeats / contacts) exceeds this is a repeat hotspot.");
  public static final Setting<Integer> REPEAT_MIN_COUNT = Setting.integer(
      "WAAROM_REPEAT_MIN_COUNT", 10, 1, 1_000_000,
      "A repeat hotspot needs at least this many repeat contacts in the day.");
  public static final Setting<Double> REPEAT_MIN_Z = Setting.decimal(
      "WAAROM_REPEAT_MIN_Z", 3.0, 0.1, 100.0,
      "A rise of a reason's repeat rate against its own earlier rate is a hotspot when a "
          + "two-proportion z-test gives at least this (and the rise is at least "
          + "WAAROM_REPEAT_MIN_RISE).");
  public static final Setting<Double> REPEAT_MIN_RISE = Setting.decimal(
      "WAAROM_REPEAT_MIN_RISE", 1.25, 1.0, 100.0,
      "A rise of a reason's repeat rate must be at least this multiple of its earlier rate, so a "
          + "tiny but significant change in a large reason is not reported.");
  public static final Setting<Integer> REPEAT_HISTORY_DAYS = Setting.integer(
      "WAAROM_REPEAT_HISTORY_DAYS", 14, 1, 365,
      "How many earlier judged days form a reason's own earlier repeat rate.");
  public static final Setting<Integer> REPEAT_MIN_HISTORY_DAYS = Setting.integer(
      "WAAROM_REPEAT_MIN_HISTORY_DAYS", 3, 1, 365,
      "No rise of a repeat rate is reported before this many earlier days were judged (the "
          + "threshold applies from the start). At most WAAROM_REPEAT_HISTORY_DAYS.");

  public static final Setting<Double> SPIKE_THRESHOLD = Setting.decimal(
      "WAAROM_SPIKE_THRESHOLD", 8.0, 0.1, 1000.0,
      "A spike fires when a reason's Poisson CUSUM statistic (log-likelihood ratio of the shifted "
          + "against the expected rate) reaches this; higher means fewer false spikes and slower "
          + "detection.");
  public static final Setting<Double> SPIKE_SHIFT = Setting.decimal(
      "WAAROM_SPIKE_SHIFT", 4.0, 1.1, 100.0,
      "The multiple of the expected rate the spike test is tuned to detect; bursts well below "
          + "about shift x ln(shift) / (shift - 1) of it never raise the statistic.");
  public static final Setting<Integer> SPIKE_SEASON_WEEKS = Setting.integer(
      "WAAROM_SPIKE_SEASON_WEEKS", 4, 1, 12,
      "Weeks of hourly counts per reason kept for the weekly-rhythm baseline of spikes.");
  public static final Setting<Integer> SPIKE_LEVEL_WINDOWS = Setting.integer(
      "WAAROM_SPIKE_LEVEL_WINDOWS", 60, 1, 1440,
      "Number of recent one-minute windows whose actual-to-seasonal ratio scales a reason's "
          + "weekly profile (today busier or quieter than usual).");
  public static final Setting<Duration> SPIKE_LATE_HORIZON = Setting.duration(
      "WAAROM_SPIKE_LATE_HORIZON", "48h",
      "Late contacts up to this far behind the newest contact of their reason are added to the "
          + "spike detector's windows (an email answered tomorrow); older ones are ignored and "
          + "counted in waarom.analyzer.spike.late.ignored.");

  public static final Setting<Duration> DISORDER_TOLERANCE = Setting.duration(
      "WAAROM_ANALYZER_DISORDER_TOLERANCE", "2m",
      "How far out of event-time order contacts may be read (across the contact topics and "
          + "partitions one task reads) and still reach the detectors, trends and repeat ledger "
          + "in event-time order. Every result waits this long (plus a marker interval per hop) "
          + "after a contact occurred; a contact read later than this behind the newest one is "
          + "late (see waarom.analyzer.order.late).");
  public static final Setting<Duration> DEDUP_HORIZON = Setting.duration(
      "WAAROM_ANALYZER_DEDUP_HORIZON", "24h",
      "A contact whose contactId (the record key) was already read on the same contact topic "
          + "within this time before it is a copy (a webhook retry, a client retrying after a "
          + "503, a connector re-reading) and is dropped, so it is classified and counted once "
          + "(see waarom.analyzer.contacts.duplicate). Costs two small state entries per "
          + "contact per horizon; 0 turns deduplication off.");
  public static final Setting<Duration> IDLE_TIMEOUT = Setting.duration(
      "WAAROM_ANALYZER_IDLE_TIMEOUT", "10s",
      "After how long (wall clock) without contacts a task is idle: the ordering no longer "
          + "waits for it, and its watermark follows the wall clock minus the disorder tolerance.");
  public static final Setting<Duration> WATERMARK_INTERVAL = Setting.duration(
      "WAAROM_ANALYZER_WATERMARK_INTERVAL", "1s",
      "How often (wall clock) each task tells the tasks after a repartition how far its event "
          + "time has progressed; the ordering releases records at most this often per hop.");

  private AnalyzerSettings() {}

  /** Every setting, in documentation order. */
  public static List<Setting<?>> all() {
    return Stream.of(List.<Setting<?>>of(BOOTSTRAP_SERVERS, KAFKA_CLIENT_PROPERTIES, TOPIC_PREFIX),
        CommonSettings.schemaRegistry(), List.<Setting<?>>of(APPLICATION_ID, STATE_DIR,
        PORT, BIND, PROCESSING_GUARANTEE, COMMIT_INTERVAL, STREAM_THREADS, STANDBY_REPLICAS,
        SESSION_TIMEOUT, DEDUP_HORIZON,
        DISORDER_TOLERANCE, IDLE_TIMEOUT,
        WATERMARK_INTERVAL, TREND_GRACE, SPIKE_BASELINE_WINDOWS,
        SPIKE_MIN_COUNT, SPIKE_MIN_HISTORY_WINDOWS, TAXONOMY_FILE,
        TAXONOMY_RELOAD_INTERVAL, TRAINING_CSV, MODEL_MIN_CONFIDENCE, FEEDBACK_RETRAIN_DELAY,
        FEEDBACK_RETRAIN_BATCH, FEEDBACK_CATCH_UP_TIMEOUT, COST_PER_MINUTE, TOPIC_PARTITIONS,
        TOPIC_REPLICATION, TREND_ROLLUP_GRACE, TREND_BASELINE_WINDOWS, TREND_BASELINE_WEEKS,
        SPIKE_THRESHOLD, SPIKE_SHIFT, SPIKE_SEASON_WEEKS, SPIKE_LEVEL_WINDOWS,
        SPIKE_LATE_HORIZON, REPEAT_WINDOW, REPEAT_TRANSFER_GAP, REPEAT_LATENESS,
        REPEAT_EARLY_HORIZON, REPEAT_RATE_THRESHOLD, REPEAT_MIN_COUNT, REPEAT_MIN_Z,
        REPEAT_MIN_RISE, REPEAT_HISTORY_DAYS, REPEAT_MIN_HISTORY_DAYS), EmergingSettings.all())
        .flatMap(List::stream).toList();
  }
}

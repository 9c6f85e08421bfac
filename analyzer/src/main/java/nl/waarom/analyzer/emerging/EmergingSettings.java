package nl.waarom.analyzer.emerging;

import java.time.Duration;
import java.util.List;
import nl.waarom.platform.Config;
import nl.waarom.platform.Setting;

/**
 * The EMERGING_REASON detector's settings (part of the analyzer's catalogue,
 * {@code AnalyzerSettings.all()}). Defaults match {@link EmergingOptions#defaults}.
 */
public final class EmergingSettings {
  public static final Setting<Duration> WINDOW = Setting.duration(
      "WAAROM_EMERGING_WINDOW", "5m",
      "How often (in event time) unexplained contacts are searched for emerging reasons: at the "
          + "first contact of every new window of this length.");
  public static final Setting<Duration> FOREGROUND = Setting.duration(
      "WAAROM_EMERGING_FOREGROUND", "2h",
      "Recent unexplained contacts (this far back from the window end) whose terms are compared "
          + "with the background; a new reason needs WAAROM_EMERGING_MIN_CONTACTS contacts in it.");
  public static final Setting<Duration> BACKGROUND = Setting.duration(
      "WAAROM_EMERGING_BACKGROUND", "7d",
      "Span of the background of unexplained contacts; their term counts decay with a half-life "
          + "of a third of it, and contacts older than it on arrival are ignored as too late.");
  public static final Setting<Integer> MIN_CONTACTS = Setting.integer(
      "WAAROM_EMERGING_MIN_CONTACTS", 10, 1, 1_000_000,
      "A candidate reason needs at least this many recent unexplained contacts.");
  public static final Setting<Integer> MIN_TERM_CONTACTS = Setting.integer(
      "WAAROM_EMERGING_MIN_TERM_CONTACTS", 5, 1, 1_000_000,
      "A word or phrase needs at least this many recent unexplained contacts to be significant.");
  public static final Setting<Double> MIN_SCORE = Setting.decimal(
      "WAAROM_EMERGING_MIN_SCORE", 30.0, 0.0, 1_000_000.0,
      "Minimum log-likelihood ratio (G-squared) of a term's recent share against its background "
          + "share for the term to be significant (it must also be at least 3 times as common).");
  public static final Setting<Double> MIN_OVERLAP = Setting.decimal(
      "WAAROM_EMERGING_MIN_OVERLAP", 0.3, 0.01, 1.0,
      "A word or phrase joins a candidate reason when its contacts overlap those of the "
          + "candidate's strongest term at least this much (Jaccard).");
  public static final Setting<Integer> VOCABULARY_CAP = Setting.integer(
      "WAAROM_EMERGING_VOCABULARY", 50_000, 100, 10_000_000,
      "At most this many terms are kept in the background; the rarest are evicted first.");
  public static final Setting<Integer> MAX_RECENT = Setting.integer(
      "WAAROM_EMERGING_MAX_RECENT", 5_000, 1, 1_000_000,
      "At most this many recent unexplained contacts are kept; older ones move to the background "
          + "early.");
  public static final Setting<Integer> MIN_BACKGROUND = Setting.integer(
      "WAAROM_EMERGING_MIN_BACKGROUND", 200, 0, 1_000_000,
      "No emerging reason is reported until the background holds this many unexplained contacts, "
          + "so a cold start does not make every phrase look new.");

  private EmergingSettings() {}

  /** Every emerging setting, in documentation order. */
  public static List<Setting<?>> all() {
    return List.of(WINDOW, FOREGROUND, BACKGROUND, MIN_CONTACTS, MIN_TERM_CONTACTS, MIN_SCORE,
        MIN_OVERLAP, VOCABULARY_CAP, MAX_RECENT, MIN_BACKGROUND);
  }

  /** The options from a loaded configuration, with the analyzer's cost per minute. */
  public static EmergingOptions options(Config config, double costPerMinute) {
    return new EmergingOptions(config.get(WINDOW), config.get(FOREGROUND), config.get(BACKGROUND),
        config.get(MIN_CONTACTS), config.get(MIN_TERM_CONTACTS), config.get(MIN_SCORE),
        config.get(MIN_OVERLAP), config.get(VOCABULARY_CAP), config.get(MAX_RECENT),
        config.get(MIN_BACKGROUND), costPerMinute);
  }
}

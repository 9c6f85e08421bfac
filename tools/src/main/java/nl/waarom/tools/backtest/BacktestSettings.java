package nl.waarom.tools.backtest;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.Setting;
import nl.waarom.tools.query.QuerySettings;

/**
 * The settings {@code waarom backtest} reads: where Kafka is and which installation's topics (as
 * the query commands), and how the analyzer builds its classifier (its taxonomy file, extra
 * training examples and the model's minimum confidence), so that "the taxonomy in force" is
 * compiled exactly as the analyzer compiles it.
 */
public final class BacktestSettings {
  private BacktestSettings() {}

  /** The catalogue; never null. */
  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(QuerySettings.all());
    all.addAll(List.of(AnalyzerSettings.TAXONOMY_FILE, AnalyzerSettings.TRAINING_CSV,
        AnalyzerSettings.MODEL_MIN_CONFIDENCE));
    return List.copyOf(all);
  }
}

package nl.waarom.analyzer.sentiment;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.sentiment.SentimentTrainer.TrainingSet;

/** The lines of all training sets, flattened, with their polarity, set and the set's polarities. */
final class Corpus {
  private final List<String> texts = new ArrayList<>();
  private final List<Integer> labels = new ArrayList<>();
  private final List<Integer> sets = new ArrayList<>();
  private final List<boolean[]> annotated = new ArrayList<>();
  private final List<Integer> weights = new ArrayList<>();

  private Corpus() {}

  /** @throws IllegalArgumentException naming the set and label that is not a polarity */
  static Corpus of(List<TrainingSet> trainingSets) {
    Corpus corpus = new Corpus();
    for (TrainingSet set : trainingSets) {
      boolean[] has = new boolean[SentimentWeights.CLASSES];
      int index = corpus.annotated.size();
      for (LabeledText line : set.examples()) {
        Polarity polarity = Polarity.parse(line.label()).orElseThrow(() ->
            new IllegalArgumentException(set.name() + ": label '" + line.label()
                + "' is not negative, neutral or positive"));
        has[polarity.ordinal()] = true;
        corpus.texts.add(line.text());
        corpus.labels.add(polarity.ordinal());
        corpus.sets.add(index);
      }
      corpus.annotated.add(has);
      corpus.weights.add(set.weight());
    }
    if (corpus.texts.isEmpty()) {
      throw new IllegalArgumentException("no training lines");
    }
    return corpus;
  }

  int size() {
    return texts.size();
  }

  String text(int i) {
    return texts.get(i);
  }

  int label(int i) {
    return labels.get(i);
  }

  int set(int i) {
    return sets.get(i);
  }

  int weight(int i) {
    return weights.get(sets.get(i));
  }

  /** Whether line i's set has lines of this polarity (so the line says whether it is one). */
  boolean annotates(int i, int polarity) {
    return annotated.get(sets.get(i))[polarity];
  }
}

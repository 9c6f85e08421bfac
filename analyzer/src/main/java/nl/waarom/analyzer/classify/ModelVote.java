package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.analyzer.model.WeighedSpan;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;

/**
 * The learned model's part in a classification. It votes for every reason the rules found, with
 * {@link #weight} times its probability for that reason; and it adds the one reason it finds most
 * probable when no rule found that one, provided it is sure enough to speak (its probability
 * passes both its calibrated threshold and the configured minimum). A reason it adds carries as
 * evidence the words or two-word phrases that weighed most for it (leaving out phrases of function
 * words only, such as {@code the} or {@code die ik}). When the model knows texts that editors said
 * are about none of the reasons ({@link ReasonModels#NONE_OF_THESE}) and finds that label most
 * probable, it adds nothing. Thread-safe.
 */
final class ModelVote {
  /** At most this many words or phrases of evidence for a reason the model added. */
  static final int EVIDENCE = 3;
  /** How many of the model's strongest spans are looked at to find {@link #EVIDENCE} good ones. */
  private static final int CANDIDATES = 12;
  private static final CharArraySet FUNCTION_WORDS;

  static {
    CharArraySet words = new CharArraySet(512, true);
    words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    words.addAll(DutchAnalyzer.getDefaultStopSet());
    words.addAll(List.of("i", "my", "me", "you", "your", "we", "our", "us", "can", "could", "do",
        "does", "did", "have", "has", "am", "been", "what", "how", "why", "when", "just", "still",
        "please", "hi", "hello", "ik", "mij", "mijn", "jullie", "u", "uw", "wij", "we", "ons",
        "onze", "jij", "je", "jou", "ze", "zij", "hij", "hem", "haar", "kan", "heb", "hoe", "wat",
        "waarom", "wanneer", "graag", "even", "gewoon", "wel", "nog", "net", "ook", "al"));
    FUNCTION_WORDS = CharArraySet.unmodifiableSet(words);
  }

  private final ReasonModel model;
  private final Map<String, Integer> labels = new HashMap<>();
  private final double floor;
  private final double weight;

  /**
   * @param minConfidence the least probability at which the model names a reason on its own
   * @param reasons the number of reasons that can be classified (N of {@link Specificity})
   */
  ModelVote(ReasonModel model, double minConfidence, int reasons) {
    this.model = model;
    for (int i = 0; i < model.labels().size(); i++) {
      labels.put(model.labels().get(i), i);
    }
    this.floor = Math.max(model.threshold(), minConfidence);
    this.weight = weight(reasons);
  }

  /**
   * What a vote of probability 1 weighs: ln N, as much as one word that only one of the N reasons
   * uses. The rules are statements a team made and can read, the model a guess learned from a few
   * examples per reason: a sure model settles a close call between rule reasons and outweighs a
   * rule that matched only common words, but one specific word is as strong as a sure model.
   */
  static double weight(int reasons) {
    return Math.log(Math.max(2, reasons));
  }

  /** The rule reasons with the model's vote added, and the reason the model adds, if any. */
  List<ReasonScore> apply(List<ReasonScore> rules, ModelText text) {
    double[] p = model.probabilitiesOf(text.text());
    List<ReasonScore> scores = new ArrayList<>(rules.size() + 1);
    for (ReasonScore s : rules) {
      Integer label = labels.get(s.reasonId());
      double probability = label == null ? 0 : p[label];
      scores.add(s.withModel(probability, weight, probability >= floor));
    }
    int top = 0;
    for (int c = 1; c < p.length; c++) {
      top = p[c] > p[top] ? c : top;
    }
    String label = model.labels().get(top);
    if (p[top] >= floor && !label.equals(ReasonModels.NONE_OF_THESE) && scores.stream().noneMatch(s -> s.reasonId().equals(label))) {
      scores.add(ReasonScore.byModel(label, p[top], weight, evidence(text, label)));
    }
    return scores;
  }

  private List<EvidenceSpan> evidence(ModelText text, String label) {
    List<EvidenceSpan> evidence = new ArrayList<>(EVIDENCE);
    Set<String> seen = new HashSet<>();
    for (WeighedSpan w : model.explain(text.text(), label, CANDIDATES)) {
      if (evidence.size() == EVIDENCE) {
        break;
      }
      text.locate(w.start(), w.end())
          .filter(e -> !functionWordsOnly(e.term()) && seen.add(e.term().toLowerCase(Locale.ROOT)))
          .ifPresent(evidence::add);
    }
    evidence.sort(null);
    return evidence;
  }

  private static boolean functionWordsOnly(String phrase) {
    for (String word : phrase.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !FUNCTION_WORDS.contains(word)) {
        return false;
      }
    }
    return true;
  }
}

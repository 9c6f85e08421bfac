package nl.waarom.analyzer.classify;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import nl.waarom.analyzer.model.Prediction;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.analyzer.model.ScoredLabel;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyException;
import nl.waarom.schemas.Contact;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.monitor.MatchingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies contacts into the reasons of one taxonomy by matching every rule against the
 * contact with a Lucene monitor. The contact's language (as stated, else detected) decides the
 * text analysis; there is one rule index per language. Thread-safe: one instance serves every
 * stream thread. Close it to release the monitors.
 */
public final class Classifier implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final Taxonomy taxonomy;
  private final LanguageDetector detector;
  private final Map<Language, RuleIndex> indexes = new EnumMap<>(Language.class);
  private final ReasonModel model;
  private final double minModelConfidence;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** With Dutch as the language of contacts that give no evidence of theirs. */
  public Classifier(Taxonomy taxonomy) {
    this(taxonomy, Language.NL);
  }

  /**
   * Registers every rule of the taxonomy, once per language.
   *
   * @param fallback the language of a contact that states none and gives no evidence either way
   * @throws TaxonomyException naming the reason whose rule does not parse
   */
  public Classifier(Taxonomy taxonomy, Language fallback) {
    this(taxonomy, fallback, ModelOptions.DEFAULT);
  }

  /**
   * Registers every rule of the taxonomy, once per language, and trains the learned model on the
   * taxonomy's examples plus the options' extra examples.
   */
  public Classifier(Taxonomy taxonomy, Language fallback, ModelOptions modelOptions) {
    this.taxonomy = taxonomy;
    this.model = ReasonModels.train(taxonomy, modelOptions.extraExamples()).orElse(null);
    this.minModelConfidence = modelOptions.minConfidence();
    this.detector = new LanguageDetector(fallback);
    List<Reason> reasons = taxonomy.classifiable();
    CharArraySet compounds = CompoundDictionary.of(taxonomy);
    try {
      for (Language language : Language.values()) {
        indexes.put(language, new RuleIndex(language, reasons, compounds));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The taxonomy this classifier applies; never null. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** The language the contact is analysed in: as stated when known, else detected. Never null. */
  public Language language(Contact contact) {
    return Language.parse(contact.getLanguage())
        .orElseGet(() -> detector.detect(ContactText.opening(contact)));
  }

  /** Classifies one contact; never null. A contact without text is unexplained. */
  public Classification classify(Contact contact) {
    RuleIndex index = indexes.get(language(contact));
    ContactText text = index.analyse(contact);
    if (text.isEmpty()) {
      return new Classification(List.of());
    }
    List<ReasonScore> scores = ruleScores(contact, index, text);
    if (model != null) {
      addModelOpinion(scores, model.predict(ReasonModels.customerText(contact)));
    }
    return new Classification(scores);
  }

  /**
   * Rules first: a rule is a statement the team made and can read. The model confirms a rule's
   * reason (raising its confidence) or adds the reason the rules missed, after the rule reasons;
   * when its calibrated rule leaves the text unexplained it adds nothing, so a contact no rule
   * explains and the model is unsure about stays unexplained.
   */
  private void addModelOpinion(List<ReasonScore> scores, Prediction prediction) {
    ScoredLabel top = prediction.top();
    if (prediction.unknown() || top.probability() < minModelConfidence) {
      return;
    }
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i).reasonId().equals(top.label())) {
        scores.set(i, scores.get(i).confirmedBy(top.probability()));
        return;
      }
    }
    scores.add(ReasonScore.byModel(top.label(), top.probability()));
  }

  private List<ReasonScore> ruleScores(Contact contact, RuleIndex index, ContactText text) {
    MatchingQueries<EvidenceMatch> matches = index.match(text);
    if (!matches.getErrors().isEmpty()) {
      LOG.warn("rules failed on contact {}: {}", contact.getContactId(), matches.getErrors());
    }
    Map<String, List<EvidenceMatch>> byReason = new TreeMap<>();
    for (EvidenceMatch m : matches.getMatches()) {
      String reasonId = m.getQueryId().substring(0, m.getQueryId().lastIndexOf('#'));
      byReason.computeIfAbsent(reasonId, k -> new ArrayList<>()).add(m);
    }
    List<ReasonScore> scores = new ArrayList<>();
    byReason.forEach((reasonId, hits) -> scores.add(score(reasonId, hits, text)));
    scores.sort(Comparator.comparingInt(ReasonScore::matchedRules).reversed()
        .thenComparing(Comparator.comparingInt((ReasonScore s) -> s.evidence().size()).reversed())
        .thenComparingInt(s -> taxonomy.rank(s.reasonId())));
    return scores;
  }

  private static ReasonScore score(String reasonId, List<EvidenceMatch> rules, ContactText text) {
    // The same word is often found through several fields (any and customer): keep it once.
    TreeSet<EvidenceSpan> evidence = new TreeSet<>();
    for (EvidenceMatch match : rules) {
      for (EvidenceMatch.Hit hit : match.hits()) {
        text.locate(hit.field(), hit.start(), hit.end()).ifPresent(evidence::add);
      }
    }
    return ReasonScore.byRules(reasonId, rules.size(), List.copyOf(evidence));
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    indexes.values().forEach(RuleIndex::close);
  }
}

package nl.waarom.analyzer.classify;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyException;
import nl.waarom.schemas.Contact;
import org.apache.lucene.analysis.CharArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies contacts into the reasons of one taxonomy by matching the rules against the contact
 * with Lucene (every rule the contact can match, selected on their terms as Lucene's monitor
 * does), and letting the learned model vote. The contact's language (as stated, else detected)
 * decides the text analysis; there is one rule index per language. The most specific reason wins:
 * reasons are ordered by the specificity of their rules' evidence plus the model's vote
 * ({@link RuleEvidence}, {@link ModelVote}). Thread-safe: one instance serves every stream
 * thread. Close it when it is no longer used.
 */
public final class Classifier implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final Taxonomy taxonomy;
  private final LanguageDetector detector;
  private final Map<Language, RuleIndex> indexes = new EnumMap<>(Language.class);
  private final ModelVote vote;
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
    List<Reason> reasons = taxonomy.classifiable();
    this.vote = ReasonModels.train(taxonomy, modelOptions.extraExamples())
        .map(model -> new ModelVote(model, modelOptions.minConfidence(), reasons.size()))
        .orElse(null);
    this.detector = new LanguageDetector(fallback);
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

  /**
   * Classifies one contact; never null. A contact without text is unexplained. Reasons are
   * ordered by {@link ReasonScore#strength()}, equal strengths by their position in the taxonomy.
   */
  public Classification classify(Contact contact) {
    RuleIndex index = indexes.get(language(contact));
    ContactText text = index.analyse(contact);
    if (text.isEmpty()) {
      return new Classification(List.of());
    }
    List<ReasonScore> scores = ruleScores(contact, index, text);
    if (vote != null) {
      scores = vote.apply(scores, ModelText.of(contact));
    }
    scores.sort(Comparator.comparingDouble(ReasonScore::strength).reversed()
        .thenComparingInt(s -> taxonomy.rank(s.reasonId())));
    return new Classification(scores);
  }

  private List<ReasonScore> ruleScores(Contact contact, RuleIndex index, ContactText text) {
    RuleIndex.Matches matches = index.match(text);
    if (!matches.errors().isEmpty()) {
      LOG.warn("rules failed on contact {}: {}", contact.getContactId(), matches.errors());
    }
    Map<String, List<EvidenceMatch>> byReason = new TreeMap<>();
    for (EvidenceMatch m : matches.matches()) {
      String reasonId = m.getQueryId().substring(0, m.getQueryId().lastIndexOf('#'));
      byReason.computeIfAbsent(reasonId, k -> new ArrayList<>()).add(m);
    }
    List<ReasonScore> scores = new ArrayList<>();
    byReason.forEach((reasonId, rules) ->
        scores.add(RuleEvidence.score(reasonId, rules, text, index.specificity())));
    return scores;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    indexes.values().forEach(RuleIndex::close);
  }
}

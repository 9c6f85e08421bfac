package nl.waarom.analyzer.classify;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.analyzer.model.ReasonModel;
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
 * ({@link RuleEvidence}, {@link ModelVote}). A contact an editor judged ({@link Verdicts}) gets
 * the editor's answer instead. Thread-safe: one instance serves every stream thread. The learned
 * model can be replaced while contacts are classified ({@link #useModel}): a volatile reference,
 * so each classification uses one model, the old or the new, and none waits. Close it when it is
 * no longer used.
 */
public final class Classifier implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final Taxonomy taxonomy;
  private final LanguageDetector detector;
  private final Map<Language, RuleIndex> indexes = new EnumMap<>(Language.class);
  private final double minConfidence;
  private final Verdicts verdicts;
  private final Set<String> classifiable;
  private volatile ModelVote vote; // null: no model
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
    this(taxonomy, fallback, modelOptions, Verdicts.NONE);
  }

  /**
   * The same, giving each contact an editor judged the editor's verdict: the reason with source
   * {@code FEEDBACK} and confidence 1, or unexplained for "none of these". A verdict naming a
   * reason this taxonomy does not have is ignored.
   */
  public Classifier(Taxonomy taxonomy, Language fallback, ModelOptions modelOptions,
      Verdicts verdicts) {
    this(taxonomy, fallback, ReasonModels.train(taxonomy, modelOptions.extraExamples())
        .orElse(null), modelOptions.minConfidence(), verdicts);
  }

  /**
   * The same with a model trained already ({@link #useModel}); null for rules only.
   *
   * @param minConfidence see {@link ModelOptions#minConfidence()}
   */
  public Classifier(Taxonomy taxonomy, Language fallback, ReasonModel model, double minConfidence,
      Verdicts verdicts) {
    this.taxonomy = taxonomy;
    this.verdicts = verdicts;
    this.classifiable = ReasonModels.labels(taxonomy);
    this.minConfidence = minConfidence;
    List<Reason> reasons = taxonomy.classifiable();
    useModel(model);
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

  /**
   * Replaces the learned model; from the next classification on, contacts are classified with
   * it. Contacts being classified now finish with the model they started with.
   *
   * @param model a model trained for this classifier's taxonomy (its labels are reason ids of
   *     it, and possibly {@link ReasonModels#NONE_OF_THESE}); null for rules only
   */
  public void useModel(ReasonModel model) {
    vote = model == null ? null
        : new ModelVote(model, minConfidence, taxonomy.classifiable().size());
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
    Optional<Verdicts.Verdict> verdict = verdicts.verdict(contact.getContactId());
    if (verdict.isPresent()) {
      String reasonId = verdict.get().reasonId();
      if (reasonId == null) {
        return new Classification(List.of());
      }
      if (classifiable.contains(reasonId)) {
        return new Classification(List.of(ReasonScore.byFeedback(reasonId)));
      }
    }
    RuleIndex index = indexes.get(language(contact));
    ContactText text = index.analyse(contact);
    if (text.isEmpty()) {
      return new Classification(List.of());
    }
    List<ReasonScore> scores = ruleScores(contact, index, text);
    ModelVote model = vote; // one read: the same model for the whole contact
    if (model != null) {
      scores = model.apply(scores, ModelText.of(contact));
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

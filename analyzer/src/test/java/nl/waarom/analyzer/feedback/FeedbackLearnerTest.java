package nl.waarom.analyzer.feedback;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;

class FeedbackLearnerTest {
  private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault(RuleParser.check());
  /** Trains in a fraction of the default taxonomy's time, for the tests that train often. */
  private static final Taxonomy SMALL = TaxonomyLoader.loadText("small.yaml", """
      version: "s1"
      reasons:
        - id: refund
          name: {nl: Terugbetaling, en: Refund}
          preventability: PREVENT
          owner: team
          rules: ['refund']
          examples:
            - I want my money back for the returned jacket
            - the money for my returned shoes never came back
            - when do I get my money back after sending it back
        - id: delivery-status
          name: {nl: Pakket, en: Parcel}
          preventability: PREVENT
          owner: team
          rules: ['tracking']
          examples:
            - when will my package get here
            - the courier did not deliver my package today
            - where is the package I ordered last week
        - id: discount-code
          name: {nl: Kortingscode, en: Discount code}
          preventability: PREVENT
          owner: team
          rules: ['voucher']
          examples:
            - my discount code does not work
            - the promo code from the newsletter is refused
            - how do I use my gift card online
      """, RuleParser.check());
  private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

  private static FeedbackLearner learner(CorrectionBook book, MeterRegistry registry) {
    return new FeedbackLearner(book, List.of(), 0.5, Duration.ofSeconds(30), 100, registry);
  }

  private static Contact says(String id, String text) {
    return customerSays(id, Channel.CHAT, AT, text);
  }

  private static void correctStamps(CorrectionBook book) {
    for (int i = 0; i < Corrections.STAMPS.size(); i++) {
      book.add(Corrections.of("stamps-" + i, Corrections.STAMPS_REASON, Corrections.STAMPS.get(i)));
    }
  }

  @Test
  void aRetrainedModelNamesTheReasonEditorsGaveSimilarContacts() {
    CorrectionBook book = new CorrectionBook();
    MeterRegistry registry = new SimpleMeterRegistry();
    FeedbackLearner learner = learner(book, registry);
    try (Classifier classifier = learner.compile(TAXONOMY)) {
      assertThat(classifier.classify(says("n1", Corrections.NEW_STAMPS)).unexplained()).isTrue();
      double examplesBefore = registry.get(FeedbackLearner.EXAMPLES_METRIC).gauge().value();

      correctStamps(book);
      book.add(Corrections.of("other", "reason-of-another-version", "loyalty stamps"));
      assertThat(learner.retrain(classifier)).isTrue();

      ReasonScore primary = classifier.classify(says("n1", Corrections.NEW_STAMPS)).primary()
          .orElseThrow();
      assertThat(primary.reasonId()).isEqualTo(Corrections.STAMPS_REASON);
      assertThat(primary.source()).isEqualTo(ReasonSource.MODEL);
      assertThat(registry.get(FeedbackLearner.EXAMPLES_METRIC).gauge().value())
          .isEqualTo(examplesBefore + Corrections.STAMPS.size());
      assertThat(registry.get(FeedbackLearner.CORRECTIONS_METRIC).gauge().value())
          .isEqualTo(Corrections.STAMPS.size());
      assertThat(registry.get(FeedbackLearner.SKIPPED_METRIC).gauge().value()).isEqualTo(1);
      assertThat(registry.get(FeedbackLearner.RETRAIN_METRIC).tag("outcome", "ok").timer().count())
          .isEqualTo(1);
      assertThat(registry.get(FeedbackLearner.TRAINED_METRIC).gauge().value()).isPositive();
    }
  }

  /**
   * The running analyzer learns corrections that arrive after it started by retraining; a backtest
   * compiles the taxonomy with the corrections at once ({@link CorrectedRecipe}). Both end with
   * the same classifier.
   */
  @Test
  void aRetrainedClassifierClassifiesAsTheRecipeCompilesWithTheSameCorrections() {
    CorrectionBook book = new CorrectionBook();
    FeedbackLearner learner = learner(book, new SimpleMeterRegistry());
    try (Classifier running = learner.compile(SMALL)) {
      correctStamps(book);
      book.add(Corrections.of("c2", null, "where is my tracking number"));
      assertThat(learner.retrain(running)).isTrue();
      try (Classifier backtest = new CorrectedRecipe(ClassifierRecipe.DEFAULT, book)
          .compile(SMALL)) {
        List<Contact> probes = List.of(says("p1", Corrections.NEW_STAMPS),
            says("c2", "where is my tracking number"), says("p3", "bicycles for sale?"),
            says("stamps-1", Corrections.STAMPS.get(1)), says("p4", "where is my package"));
        for (Contact probe : probes) {
          assertThat(backtest.classify(probe)).as(probe.getContactId())
              .isEqualTo(running.classify(probe));
        }
        assertThat(backtest.classify(probes.getFirst()).primary()).as("learned")
            .hasValueSatisfying(r -> assertThat(r.reasonId()).isEqualTo(Corrections.STAMPS_REASON));
      }
    }
  }

  @Test
  void aCorrectedContactGetsTheEditorsVerdict() {
    CorrectionBook book = new CorrectionBook();
    book.add(Corrections.of("c1", "refund", "where is my tracking number"));
    book.add(Corrections.of("c2", null, "where is my tracking number"));
    book.add(Corrections.of("c3", "reason-of-another-version", "where is my tracking number"));
    try (Classifier classifier = learner(book, new SimpleMeterRegistry()).compile(SMALL)) {
      assertThat(classifier.classify(says("c1", "where is my tracking number")).reasons())
          .extracting(ReasonScore::reasonId, ReasonScore::source, ReasonScore::confidence)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("refund",
              ReasonSource.FEEDBACK, 1.0));
      assertThat(classifier.classify(says("c2", "where is my tracking number")).unexplained())
          .isTrue();
      // a reason the taxonomy does not have: classified as usual
      assertThat(classifier.classify(says("c3", "where is my tracking number")).primary()
          .orElseThrow().reasonId()).isEqualTo("delivery-status");
      assertThat(classifier.classify(says("c4", "where is my tracking number")).primary()
          .orElseThrow().source()).isEqualTo(ReasonSource.RULE);
    }
  }

  @Test
  void noneOfTheseIsLearnedButNeverNamedAsAReason() {
    CorrectionBook book = new CorrectionBook();
    List<String> bicycles = List.of("do you sell bicycles", "I want to buy a bicycle",
        "which bicycles do you have", "price of your red bicycle", "is the bicycle shop open");
    for (int i = 0; i < bicycles.size(); i++) {
      book.add(Corrections.of("bike-" + i, null, bicycles.get(i)));
    }
    FeedbackLearner learner = learner(book, new SimpleMeterRegistry());
    try (Classifier classifier = learner.compile(SMALL)) {
      Classification bicycle = classifier.classify(says("n1", "a bicycle for my daughter"));
      Classification refund = classifier.classify(says("n2", "I want my money back"));

      assertThat(bicycle.unexplained()).isTrue();
      assertThat(refund.primary().orElseThrow().reasonId()).isEqualTo("refund");
    }
  }

  @Test
  void theSameCorrectionsReadInAnotherOrderTrainTheSameModel() {
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i < Corrections.STAMPS.size(); i++) {
      corrections.add(Corrections.of("s" + i, Corrections.STAMPS_REASON, Corrections.STAMPS.get(i)));
    }
    corrections.add(Corrections.of("n1", null, "do you sell bicycles"));
    corrections.add(Corrections.of("n2", "refund", "the amount paid back is odd"));
    CorrectionBook a = new CorrectionBook();
    corrections.forEach(a::add);
    Collections.shuffle(corrections, new Random(3));
    CorrectionBook b = new CorrectionBook();
    corrections.forEach(b::add);

    List<Contact> probes = List.of(says("p1", Corrections.NEW_STAMPS),
        says("p2", "bicycles for sale?"), says("p3", "the amount paid back is strange"),
        says("p4", "where is my package"));
    try (Classifier first = learner(a, new SimpleMeterRegistry()).compile(SMALL);
        Classifier second = learner(b, new SimpleMeterRegistry()).compile(SMALL)) {
      for (Contact probe : probes) {
        assertThat(second.classify(probe)).isEqualTo(first.classify(probe));
      }
    }
  }

  @Test
  void classificationGoesOnWhileTheModelRetrains() throws Exception {
    CorrectionBook book = new CorrectionBook();
    FeedbackLearner learner = learner(book, new SimpleMeterRegistry());
    try (Classifier classifier = learner.compile(TAXONOMY)) {
      Classification before = classifier.classify(says("n1", Corrections.NEW_STAMPS));
      correctStamps(book);
      AtomicReference<Boolean> retrained = new AtomicReference<>();
      CompletableFuture<Void> training = CompletableFuture.runAsync(
          () -> retrained.set(learner.retrain(classifier)));
      int whileTraining = 0;
      List<Classification> seen = new ArrayList<>();
      while (!training.isDone()) {
        seen.add(classifier.classify(says("n1", Corrections.NEW_STAMPS)));
        whileTraining++;
      }
      training.get();
      Classification after = classifier.classify(says("n1", Corrections.NEW_STAMPS));

      assertThat(retrained.get()).isTrue();
      assertThat(whileTraining).as("classifications done while the model trained")
          .isGreaterThan(10);
      assertThat(before.unexplained()).isTrue();
      assertThat(after.primary().orElseThrow().reasonId()).isEqualTo(Corrections.STAMPS_REASON);
      // every classification used one model, the old or the new: never a mixture
      assertThat(seen).allSatisfy(c -> assertThat(c).isIn(before, after));
    }
  }

  @Test
  void changesWaitForTheDelayOrTheBatch() {
    CorrectionBook book = new CorrectionBook();
    MeterRegistry registry = new SimpleMeterRegistry();
    MutableClock clock = new MutableClock();
    FeedbackLearner learner = new FeedbackLearner(book, List.of(), 0.5, Duration.ofSeconds(30), 5,
        registry, clock);
    try (Classifier classifier = learner.compile(SMALL)) {
      learner.watch(() -> classifier);
      long retrains = 0;
      learner.check();
      book.add(Corrections.of("a", "refund", "no money back at all"));
      learner.check();
      clock.advance(Duration.ofSeconds(29));
      learner.check();
      assertThat(retrains(registry)).as("before the delay").isEqualTo(retrains);
      clock.advance(Duration.ofSeconds(1));
      learner.check();
      assertThat(retrains(registry)).as("after the delay").isEqualTo(++retrains);
      learner.check();
      assertThat(retrains(registry)).as("nothing new").isEqualTo(retrains);

      for (int i = 0; i < 5; i++) {
        book.add(Corrections.of("b" + i, "refund", "no money back " + i));
      }
      learner.check();
      assertThat(retrains(registry)).as("a full batch, at once").isEqualTo(++retrains);
    }
  }

  private static long retrains(MeterRegistry registry) {
    return registry.get(FeedbackLearner.RETRAIN_METRIC).tag("outcome", "ok").timer().count();
  }

  private static final class MutableClock extends Clock {
    private Instant now = AT;

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

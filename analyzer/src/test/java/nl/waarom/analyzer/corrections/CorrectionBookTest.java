package nl.waarom.analyzer.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nl.waarom.analyzer.classify.ReasonModels;
import nl.waarom.analyzer.classify.Verdicts.Verdict;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.schemas.Correction;
import nl.waarom.analyzer.feedback.Corrections;
import org.junit.jupiter.api.Test;

class CorrectionBookTest {
  private static final Set<String> REASONS = Set.of("billing", "outage");

  @Test
  void theLatestCorrectionOfAContactWins() {
    CorrectionBook book = new CorrectionBook();
    assertThat(book.add(Corrections.of("c1", "billing", "my bill"))).isTrue();
    assertThat(book.add(Corrections.of("c1", "outage", "my bill"))).isTrue();
    assertThat(book.add(Corrections.of("c1", "outage", "my bill"))).isFalse(); // a repeat

    assertThat(book.size()).isEqualTo(1);
    assertThat(book.revision()).isEqualTo(2);
    assertThat(book.verdict("c1")).contains(new Verdict("outage"));
    assertThat(book.examples(REASONS).examples())
        .containsExactly(new LabeledText("my bill", "outage"));

    book.add(Corrections.of("c1", null, "my bill"));
    assertThat(book.verdict("c1")).hasValueSatisfying(v -> assertThat(v.noneOfThese()).isTrue());
    assertThat(book.verdict("c2")).isEmpty();
  }

  @Test
  void aWithdrawnCorrectionIsForgotten() {
    CorrectionBook book = new CorrectionBook();
    book.add(Corrections.of("c1", "billing", "my bill"));
    assertThat(book.withdraw("c1")).isTrue();
    assertThat(book.withdraw("c1")).isFalse();
    assertThat(book.verdict("c1")).isEmpty();
    assertThat(book.examples(REASONS).examples()).isEmpty();
  }

  @Test
  void unknownReasonsAndEmptyTextsAreSkippedAndCounted() {
    CorrectionBook book = new CorrectionBook();
    book.add(Corrections.of("c1", "billing", "my bill is too high"));
    book.add(Corrections.of("c2", "reason-of-another-version", "something"));
    book.add(Corrections.of("c3", "outage", "  "));
    book.add(Corrections.of("c4", null, "do you sell bicycles"));

    CorrectionExamples examples = book.examples(REASONS);

    assertThat(examples.examples()).containsExactly(
        new LabeledText("my bill is too high", "billing"),
        new LabeledText("do you sell bicycles", ReasonModels.NONE_OF_THESE));
    assertThat(examples.skipped()).isEqualTo(2);
    assertThat(examples.noneOfThese()).isEqualTo(1);
    // the verdict of a contact stands, whatever the taxonomy
    assertThat(book.verdict("c2")).contains(new Verdict("reason-of-another-version"));
  }

  @Test
  void theExamplesDoNotDependOnTheOrderContactsWereRead() {
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      corrections.add(Corrections.of("c" + i, i % 3 == 0 ? "billing" : i % 3 == 1 ? "outage" : null,
          "text " + i));
    }
    CorrectionBook inOrder = new CorrectionBook();
    corrections.forEach(inOrder::add);
    List<Correction> shuffled = new ArrayList<>(corrections);
    Collections.shuffle(shuffled, new Random(7));
    CorrectionBook outOfOrder = new CorrectionBook();
    shuffled.forEach(outOfOrder::add);

    assertThat(outOfOrder.examples(REASONS)).isEqualTo(inOrder.examples(REASONS));
    assertThat(inOrder.examples(REASONS).examples()).hasSize(50);
    assertThat(Optional.of(inOrder.examples(REASONS).examples().get(0).text())).contains("text 0");
  }
}

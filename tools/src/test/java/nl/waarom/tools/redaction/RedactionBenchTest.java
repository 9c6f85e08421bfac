package nl.waarom.tools.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Redactor;
import org.junit.jupiter.api.Test;

class RedactionBenchTest {
  @Test
  void generationIsDeterministicAndPlantsEveryTypeWhereItSays() {
    List<GeneratedMessage> a = new MessageGenerator(7).generate(300);
    assertThat(a).isEqualTo(new MessageGenerator(7).generate(300))
        .isNotEqualTo(new MessageGenerator(8).generate(300));
    assertThat(a.stream().flatMap(m -> m.planted().stream()).map(Planted::type))
        .containsAll(MessageGenerator.GENERATED_TYPES);
    for (GeneratedMessage m : a) {
      for (Planted p : m.planted()) {
        String value = m.text().substring(p.start(), p.end());
        assertThat(value).isNotBlank().isEqualTo(value.strip());
      }
    }
  }

  @Test
  void measuresRecallAndPrecisionAndTheLastLineHasTheAgreedShape() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = RedactionBench.run(new RedactionBench.Options(700, 3),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
    List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(code).isZero();
    assertThat(lines.getLast()).matches("result: recall_min=\\d\\.\\d{3} precision_min=\\d\\.\\d{3}");
    RedactionBench.Result r = RedactionBench.measure(new MessageGenerator(3).generate(700),
        new Redactor()::find);
    for (PiiType t : List.of(PiiType.IBAN, PiiType.BSN, PiiType.CARD)) {
      assertThat(r.recall(t)).as(t.name()).isGreaterThanOrEqualTo(0.99);
    }
    r.nearMisses().forEach((kind, c) -> assertThat(c[1]).as(kind).isZero());
  }

  @Test
  void aRedactorThatFindsNothingScoresZeroRecall() {
    RedactionBench.Result r = RedactionBench.measure(new MessageGenerator(3).generate(100),
        (text, names) -> List.of());
    assertThat(r.recall(PiiType.EMAIL)).isZero();
    assertThat(r.precision(PiiType.EMAIL)).isEqualTo(1.0);
  }

  @Test
  void optionsAreValidated() {
    assertThat(RedactionBench.Options.defaults()).isEqualTo(new RedactionBench.Options(5_000, 42));
    assertThatThrownBy(() -> new RedactionBench.Options(0, 42))
        .hasMessage("messages must be at least 1: 0");
  }
}

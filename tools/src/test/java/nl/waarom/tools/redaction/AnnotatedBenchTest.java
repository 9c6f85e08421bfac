package nl.waarom.tools.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.waarom.ingest.privacy.PiiSpan;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Redactor;
import org.junit.jupiter.api.Test;

class AnnotatedBenchTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(AnnotatedBenchTest.class.getResource("/redaction/" + name).toURI());
  }

  @Test
  void parsesInlineMarksAndLineBreaks() {
    AnnotatedText a = AnnotatedText.parse("Groet,\\n[NAME:Anna Bakker], [PHONE:06-12345678] ok", 7);
    assertThat(a.text()).isEqualTo("Groet,\nAnna Bakker, 06-12345678 ok");
    assertThat(a.planted()).extracting(p -> a.text().substring(p.start(), p.end()))
        .containsExactly("Anna Bakker", "06-12345678");
    assertThat(a.planted()).extracting(Planted::type).containsExactly(PiiType.NAME, PiiType.PHONE);
    assertThatThrownBy(() -> AnnotatedText.parse("[NAAM:Piet]", 3))
        .hasMessage("line 3: unknown type NAAM");
  }

  @Test
  void aSpanIsFoundOnlyWhenCoveredAndARedactionIsFalseOnlyWhenItTouchesNothingMarked() {
    List<AnnotatedText> texts = List.of(AnnotatedText.parse("[NAME:Anna Bakker] en Utrecht", 1));
    AnnotatedBench.Result part = AnnotatedBench.measure(texts,
        (t, n) -> List.of(new PiiSpan(0, 4, PiiType.NAME), new PiiSpan(15, 22, PiiType.NAME)),
        null);
    assertThat(part.recall(PiiType.NAME)).isZero();
    assertThat(part.precision()).isEqualTo(0.5);
    AnnotatedBench.Result whole = AnnotatedBench.measure(texts,
        (t, n) -> List.of(new PiiSpan(0, 4, PiiType.NAME), new PiiSpan(4, 11, PiiType.ADDRESS)),
        null);
    assertThat(whole.recall(PiiType.NAME)).isEqualTo(1.0);
    assertThat(whole.byType().get(PiiType.NAME)[AnnotatedBench.Result.AS_TYPE]).isZero();
    assertThat(whole.precision()).isEqualTo(1.0);
  }

  @Test
  void theHandWrittenSetsAreLargeEnoughAndTheRedactorMeetsItsTargetsOnThem() throws Exception {
    List<AnnotatedText> dev = AnnotatedText.read(resource("handwritten-dev.txt"));
    List<AnnotatedText> heldOut = AnnotatedText.read(resource("handwritten-heldout.txt"));
    assertThat(dev.size() + heldOut.size()).isGreaterThanOrEqualTo(400);
    assertThat(heldOut).hasSizeGreaterThanOrEqualTo(100);
    AnnotatedBench.Result r = AnnotatedBench.measure(dev, new Redactor()::find, null);
    for (PiiType t : List.of(PiiType.NAME, PiiType.ADDRESS, PiiType.BIRTH_DATE)) {
      assertThat(r.recall(t)).as(t.name()).isGreaterThanOrEqualTo(0.95);
    }
    for (PiiType t : List.of(PiiType.IBAN, PiiType.BSN, PiiType.CARD, PiiType.EMAIL)) {
      assertThat(r.recall(t)).as(t.name()).isGreaterThanOrEqualTo(0.99);
    }
    assertThat(r.precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theLastLineHasTheAgreedShape() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = AnnotatedBench.run(resource("handwritten-heldout.txt"), false,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8).lines().toList().getLast())
        .matches("result: recall_min=\\d\\.\\d{3} precision=\\d\\.\\d{3}");
  }
}

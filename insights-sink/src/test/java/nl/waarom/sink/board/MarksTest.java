package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarksTest {
  @Test
  void marksTheSpansEscapingEverythingAndClippingWhatFallsOutside() {
    String text = "Ik ben <dubbel> afgeschreven";
    assertThat(Marks.mark(text, List.of(new Marks.Span(7, 15, "Payment \"problem\""),
        new Marks.Span(16, 99, "Payment \"problem\""))))
        .isEqualTo("Ik ben <mark title=\"Payment &quot;problem&quot;\">&lt;dubbel&gt;</mark> "
            + "<mark title=\"Payment &quot;problem&quot;\">afgeschreven</mark>");
  }

  @Test
  void whereSpansOfTwoReasonsOverlapTheMarkNamesBoth() {
    assertThat(Marks.mark("te laat betaald", List.of(new Marks.Span(0, 7, "Late delivery"),
        new Marks.Span(3, 15, "Payment"))))
        .isEqualTo("<mark title=\"Late delivery\">te </mark><mark title=\"Late delivery, "
            + "Payment\">laat</mark><mark title=\"Payment\"> betaald</mark>");
  }

  @Test
  void emptyAndBackwardSpansMarkNothing() {
    assertThat(Marks.mark("abc", List.of(new Marks.Span(2, 2, "x"), new Marks.Span(3, 1, "x"),
        new Marks.Span(-5, 0, "x")))).isEqualTo("abc");
    assertThat(Marks.mark(null, List.of())).isEmpty();
  }
}

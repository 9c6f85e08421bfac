package nl.waarom.sink.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTest {

  @Test
  void theTeamsPathAndTheVerifiersVerdictsAreAllowed() {
    assertThat(Status.NEW.next()).contains(Status.TRIAGED, Status.DISMISSED);
    assertThat(Status.TRIAGED.next()).contains(Status.IN_PROGRESS);
    assertThat(Status.IN_PROGRESS.next()).contains(Status.DONE);
    assertThat(Status.DONE.next()).contains(Status.VERIFIED, Status.NOT_EFFECTIVE);
    assertThat(Status.DISMISSED.next()).containsExactly(Status.NEW);
  }

  @Test
  void skippingStepsOrVerifyingWhatIsNotDoneIsNot() {
    assertThat(Status.NEW.next()).doesNotContain(Status.DONE, Status.VERIFIED);
    assertThat(Status.IN_PROGRESS.next()).doesNotContain(Status.VERIFIED, Status.NOT_EFFECTIVE);
    assertThat(Status.VERIFIED.next()).doesNotContain(Status.DISMISSED, Status.NEW);
    for (Status s : Status.values()) {
      assertThat(s.next()).as("%s does not move to itself", s).doesNotContain(s);
    }
  }

  @Test
  void parsesApiSpellings() {
    assertThat(Status.parse("in_progress")).contains(Status.IN_PROGRESS);
    assertThat(Status.parse(" In-Progress ")).contains(Status.IN_PROGRESS);
    assertThat(Status.parse("not effective")).contains(Status.NOT_EFFECTIVE);
    assertThat(Status.parse("closed")).isEmpty();
    assertThat(Status.parse(null)).isEmpty();
    assertThat(Status.open()).doesNotContain(Status.VERIFIED, Status.DISMISSED);
  }
}

package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast parser accepts and returns exactly what {@code OffsetDateTime.parse} does. */
class IsoInstantsTest {

  @Test
  void theCommonShapesGiveTheInstantTheGeneralParserGives() {
    for (String s : List.of("2026-11-24T10:15:30Z", "2026-11-24T10:15:30.1Z",
        "2026-11-24T10:15:30.123Z", "2026-11-24T10:15:30.123456789Z",
        "2026-11-24T10:15:30+01:00", "2026-11-24T10:15:30.5-05:30", "2024-02-29T23:59:59+18:00",
        "2026-01-01T00:00:00-18:00", "2026-11-24T10:15:30-00:00", "0001-01-01T00:00:00Z",
        "2026-11-24t10:15:30Z", "2026-11-24T10:15Z", "2026-11-24T10:15:30.Z",
        "2026-11-24T10:15:30+01:00:30")) {
      assertThat(IsoInstants.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
    }
  }

  @Test
  void whatTheGeneralParserRefusesIsRefused() {
    for (String s : List.of("2026-02-30T10:15:30Z", "2026-11-24T24:00:00Z",
        "2026-11-24T10:60:00Z", "2026-11-24T10:15:60Z", "2026-13-01T10:15:30Z",
        "2026-11-24T10:15:30+0100", "2026-11-24T10:15:30.1234567890Z", "2026-11-24T10:15:30",
        "2026-11-24T10:15:30+19:00", "2026-11-24T10:15:30+01:60", "2026-11-24 10:15:30Z",
        "2026-11-24T10:15:30ZZ", "2026-11-24T1a:15:30Z", "２026-11-24T10:15:30Z", "")) {
      assertThatThrownBy(() -> IsoInstants.parse(s)).as(s)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void randomlyMangledDateTimesBehaveLikeTheGeneralParser() {
    Random random = new Random(7);
    String alphabet = "0123456789-:T.Z+ tz";
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
          random.nextInt(1_000_000_000)).toString());
      for (int edits = random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(s.length());
        s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(s.toString());
    }
    for (String s : inputs) {
      Instant expected;
      try {
        expected = OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        assertThatThrownBy(() -> IsoInstants.parse(s)).as(s)
            .isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(IsoInstants.parse(s)).as(s).isEqualTo(expected);
    }
  }
}

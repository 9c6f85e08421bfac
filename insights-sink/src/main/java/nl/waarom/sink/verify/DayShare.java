package nl.waarom.sink.verify;

import java.time.LocalDate;

/**
 * One day's contacts: how many were about the reason, and how many there were in all.
 *
 * @param day the UTC day; never null
 * @param reason contacts about the reason; ≥ 0
 * @param total all contacts; > 0
 */
public record DayShare(LocalDate day, long reason, long total) {
  public DayShare {
    if (reason < 0 || total <= 0 || reason > total) {
      throw new IllegalArgumentException("bad day counts " + day + ": " + reason + "/" + total);
    }
  }

  /** reason / total. */
  public double share() {
    return (double) reason / total;
  }
}

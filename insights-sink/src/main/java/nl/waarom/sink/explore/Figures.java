package nl.waarom.sink.explore;

import nl.waarom.sink.db.ExploreReads.ReasonTotals;

/**
 * What a reason's (or a group's) contacts add up to in one period, and the figures the overview
 * shows from them. Immutable.
 *
 * @param contacts contacts
 * @param handleCount of those, the contacts with a handle time
 * @param handleMillis their handle time in total
 * @param repeats repeat contacts
 * @param sentimentCount contacts with a sentiment
 * @param negativeCount of those, the negative ones
 * @param callbacks contacts whose customer asked to be called back
 */
public record Figures(long contacts, long handleCount, long handleMillis, long repeats,
    long sentimentCount, long negativeCount, long callbacks) {
  /** Nothing. */
  public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

  /** The figures of one row of totals. */
  public static Figures of(ReasonTotals t) {
    return new Figures(t.contacts(), t.handleCount(), t.handleMillis(), t.repeats(),
        t.sentimentCount(), t.negativeCount(), t.callbacks());
  }

  /** Both added up. */
  public Figures plus(Figures o) {
    return new Figures(contacts + o.contacts, handleCount + o.handleCount,
        handleMillis + o.handleMillis, repeats + o.repeats, sentimentCount + o.sentimentCount,
        negativeCount + o.negativeCount, callbacks + o.callbacks);
  }

  /** Handle minutes of the contacts that had a handle time. */
  public double handleMinutes() {
    return handleMillis / 60_000.0;
  }

  /** Mean handle time in minutes; null when no contact had one. */
  public Double meanHandleMinutes() {
    return handleCount == 0 ? null : handleMinutes() / handleCount;
  }

  /** handle minutes × cost per minute; null when no contact had a handle time. */
  public Double cost(double costPerMinute) {
    return handleCount == 0 ? null : handleMinutes() * costPerMinute;
  }

  /** repeats / contacts; null without contacts. */
  public Double repeatRate() {
    return contacts == 0 ? null : repeats / (double) contacts;
  }

  /** negative / contacts with a sentiment; null when none had one. */
  public Double negativeShare() {
    return sentimentCount == 0 ? null : negativeCount / (double) sentimentCount;
  }

  /** callback requests / contacts; null without contacts. */
  public Double callbackRate() {
    return contacts == 0 ? null : callbacks / (double) contacts;
  }

  /** contacts − the previous period's contacts. */
  public long growth(Figures before) {
    return contacts - before.contacts;
  }

  /** The growth relative to the previous period (0.25 = +25 %); null when it had none. */
  public Double growthShare(Figures before) {
    return before.contacts == 0 ? null : growth(before) / (double) before.contacts;
  }
}

package nl.waarom.sink.board;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * What a handle minute costs and how amounts are written: the sink's
 * {@code WAAROM_SINK_COST_PER_MINUTE} (the overview's cost) and {@code WAAROM_SINK_CURRENCY}
 * (every amount on the board). The analyzer's insights carry their own cost per minute.
 *
 * @param costPerMinute not negative
 * @param currency never null
 */
public record Money(double costPerMinute, Currency currency) {
  public Money {
    if (!(costPerMinute >= 0) || Double.isInfinite(costPerMinute)) {
      throw new IllegalArgumentException("cost per minute must not be negative: " + costPerMinute);
    }
    java.util.Objects.requireNonNull(currency, "currency");
  }

  /** 1.0 a minute, in euros. */
  public static Money defaults() {
    return new Money(1.0, Currency.getInstance("EUR"));
  }

  /**
   * An ISO 4217 code such as EUR, USD or GBP, in any case.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static Currency parseCurrency(String code) {
    try {
      return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
    }
  }

  /** {@code amount} in whole units, e.g. €1,825 (English) or € 1.825 (Dutch). */
  public String whole(double amount, Locale locale) {
    return format(amount, locale, 0);
  }

  /** {@code amount} with cents, e.g. €0.90. */
  public String exact(double amount, Locale locale) {
    return format(amount, locale, currency.getDefaultFractionDigits() < 0 ? 2
        : currency.getDefaultFractionDigits());
  }

  private String format(double amount, Locale locale, int digits) {
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(currency);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(amount).replace('\u00a0', ' ');
  }
}

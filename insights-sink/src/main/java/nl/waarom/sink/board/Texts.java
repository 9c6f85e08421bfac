package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface language of one request, Dutch or English, and its strings (the resource bundles
 * {@code nl/waarom/sink/board/messages*.properties}). {@code ?lang=nl|en} chooses and is
 * remembered in the cookie {@value #COOKIE}; without either, the browser's
 * {@code Accept-Language} decides (Dutch when it prefers Dutch to English, otherwise English).
 * Immutable.
 */
public final class Texts {
  /** The cookie that remembers the choice. */
  public static final String COOKIE = "waarom_lang";
  private static final String BUNDLE = "nl.waarom.sink.board.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public static final Texts EN = new Texts("en", Locale.UK);
  public static final Texts NL = new Texts("nl", Locale.of("nl", "NL"));

  private final String lang;
  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(String lang, Locale locale) {
    this.lang = lang;
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, "nl".equals(lang) ? Locale.of("nl")
        : Locale.ROOT, Texts.class.getClassLoader(), NO_FALLBACK);
  }

  /** {@code nl} or {@code en}. */
  public String lang() {
    return lang;
  }

  /** The locale numbers are written in. */
  public Locale locale() {
    return locale;
  }

  /** The language of a request; remembers an explicit {@code ?lang=} in the cookie. */
  public static Texts of(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && (asked.equals("nl") || asked.equals("en"))) {
      ctx.cookie(COOKIE, asked, 365 * 24 * 3600);
      return of(asked);
    }
    String remembered = ctx.cookie(COOKIE);
    if (remembered != null && (remembered.equals("nl") || remembered.equals("en"))) {
      return of(remembered);
    }
    return fromAcceptLanguage(ctx.header("Accept-Language"));
  }

  /** {@code nl} is Dutch, anything else English. */
  public static Texts of(String lang) {
    return "nl".equals(lang) ? NL : EN;
  }

  /** Dutch when the header ranks Dutch above English, otherwise English. */
  static Texts fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String l = range.getRange().toLowerCase(Locale.ROOT);
        if (l.startsWith("nl")) {
          return NL;
        }
        if (l.startsWith("en")) {
          return EN;
        }
      }
    } catch (IllegalArgumentException e) {
      return EN;
    }
    return EN;
  }

  /**
   * The string {@code key}, with {@code args} filled in ({@link MessageFormat}, in this
   * language's locale); not escaped.
   *
   * @throws MissingResourceException when the bundle lacks the key (a test checks both have all)
   */
  public String t(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /**
   * The string {@code key}, or {@code fallback} when the bundle has no such key: for names of
   * values the data may grow (kinds, statuses, sources), which then show as they are stored.
   */
  public String or(String key, String fallback) {
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  /** A whole number with this language's grouping, e.g. 11,424 or 11.424. */
  public String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** A number with {@code digits} decimals. */
  public String number(double n, int digits) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(n);
  }

  /** A share as a whole percentage, e.g. 25 %; a dash for null. */
  public String percent(Double share) {
    return share == null ? "–" : Math.round(share * 100) + " %";
  }

  /** Every key of the bundle, for the test that both languages have them all. */
  java.util.Set<String> keys() {
    return bundle.keySet();
  }
}

package nl.waarom.ingest.privacy;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in free text by placeholders before a contact leaves the edge:
 * e-mail addresses by {@code [EMAIL]}, IBANs whose mod-97 checksum is valid by {@code [IBAN]},
 * and phone numbers (international {@code +31 6 1234 5678}, {@code 0044 20 ...}; Dutch national
 * numbers with exactly ten digits such as {@code 06-12345678} or {@code 020-1234567}) by
 * {@code [PHONE]}.
 *
 * <p>Each rule is a permissive pattern plus a precise check (checksum, digit count), so that
 * amounts ({@code € 1.234,56}), dates ({@code 24-11-2026}) and order numbers
 * ({@code order 123456}) stay: the classifier needs them, and false positives hide meaning.
 * When a candidate fails the check, shorter candidates ending at a space or hyphen are tried, so a
 * number followed by an unrelated word or number is still found.
 *
 * <p>Rules run in a fixed order (e-mail, IBAN, international phone, national phone) because an
 * earlier kind can contain a later one (digits in an address, a phone-like run inside an IBAN).
 * Immutable and thread-safe.
 */
public final class Redactor {
  public static final String EMAIL = "[EMAIL]";
  public static final String IBAN = "[IBAN]";
  public static final String PHONE = "[PHONE]";

  private static final Pattern EMAIL_PATTERN = Pattern.compile(
      "(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
  // Compact (NL91ABNA0417164300) or printed in groups of four (NL91 ABNA 0417 1643 00).
  private static final Pattern IBAN_PATTERN = Pattern.compile(
      "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[A-Za-z0-9]{11,30}"
          + "|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])");
  // +CC or 00CC, an optional Dutch-style "(0)", then digit groups.
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ -]?\\(0\\))?(?:[ -]?\\d{1,4}){2,6}(?!\\w)");
  // Area or mobile prefix (0X..0XXX, never 00, the international exit code; optionally in
  // parentheses), then the subscriber number in up to four groups. Neither end may touch a digit
  // run, a date or a decimal.
  private static final Pattern NATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+\\-/]|\\d[.,:])(?:\\(0[1-9]\\d{0,2}\\) ?|0[1-9]\\d{0,2}[ -]?)"
          + "\\d{2,4}(?: ?\\d{2,4}){0,3}(?![\\w\\-/]|[.,:]\\d| ?\\d)");

  private record Rule(Pattern pattern, Predicate<String> check, String placeholder) {}

  private static final List<Rule> RULES = List.of(
      new Rule(EMAIL_PATTERN, s -> true, EMAIL),
      new Rule(IBAN_PATTERN, Iban::isValid, IBAN),
      new Rule(INTERNATIONAL_PHONE, s -> inRange(internationalDigits(s), 9, 15), PHONE),
      new Rule(NATIONAL_PHONE, s -> digits(s) == 10, PHONE));

  /** The text with every recognised item replaced; null for null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      result = apply(rule, result);
    }
    return result;
  }

  private static String apply(Rule rule, String text) {
    Matcher m = rule.pattern().matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String accepted = longestAccepted(m.group(), rule.check());
      if (accepted == null) {
        from = m.end();
        continue;
      }
      out.append(text, copied, m.start()).append(rule.placeholder());
      copied = m.start() + accepted.length();
      from = copied;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** The candidate, or its longest prefix ending before a space or hyphen, that passes; may be null. */
  private static String longestAccepted(String candidate, Predicate<String> check) {
    String c = candidate;
    while (!c.isEmpty()) {
      if (check.test(c)) {
        return c;
      }
      int cut = Math.max(c.lastIndexOf(' '), c.lastIndexOf('-'));
      if (cut <= 0) {
        return null;
      }
      c = c.substring(0, cut);
    }
    return null;
  }

  private static int digits(String s) {
    return (int) s.chars().filter(Character::isDigit).count();
  }

  /**
   * Digits of an international number after the {@code +} or {@code 00} exit code; a Dutch
   * {@code (0)} trunk prefix is not dialled, so not counted either.
   */
  private static int internationalDigits(String s) {
    String number = s.startsWith("00") ? s.substring(2) : s;
    return digits(number.replace("(0)", ""));
  }

  private static boolean inRange(int n, int min, int max) {
    return n >= min && n <= max;
  }
}

package nl.waarom.ingest.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed detection rules of the {@link Redactor}, in the order they claim text. Each rule is a
 * permissive pattern plus a precise check (checksum, digit count, context), so amounts
 * ({@code € 1.234,56}), dates ({@code 12-03-2025}), times and order numbers stay.
 */
final class PiiRules {
  /** Decides whether a candidate found at {@code start} of {@code text} is the real thing. */
  @FunctionalInterface
  interface Check {
    boolean accept(String text, int start, String candidate);
  }

  /** One rule: a pattern, its check, and the kind it finds. */
  record Rule(Pattern pattern, Check check, PiiType type) {}

  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
  // Compact (NL91ABNA0417164300) or printed in groups of four (NL91 ABNA 0417 1643 00).
  private static final Pattern IBAN = Pattern.compile(
      "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[A-Za-z0-9]{11,30}"
          + "|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])");
  // 13..19 digits, single spaces or hyphens between groups; not part of a longer number/decimal.
  private static final Pattern CARD = Pattern.compile(
      "(?<![\\w.,+/-])\\d(?:[ -]?\\d){12,18}(?![\\w/]|[.,-]\\d)");
  private static final String STREET = "\\p{Lu}\\p{L}*(?:straat|laan|weg|plein|gracht|kade|singel"
      + "|dijk|dreef|hof|park|steeg|pad|markt|plantsoen|baan|wal|ring|veld|erf|haven|kwartier) ";
  private static final String HOUSE_NUMBER = "\\d{1,5}(?:[ -]?[A-Za-z](?![\\p{L}\\d]))?";
  private static final String POSTCODE_ONLY = "[1-9]\\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\\p{L}\\d])";
  // "Dorpsstraat 12, 1234 AB", "12, 1234 AB", "1234 AB", "1234AB 12", "1234 AB, 12-a".
  private static final Pattern POSTCODE = Pattern.compile("(?<![\\w-])(?:(?:" + STREET + ")?"
      + HOUSE_NUMBER + ",? " + POSTCODE_ONLY + "|" + POSTCODE_ONLY + "(?:,? (?:nr\\.? ?)?"
      + HOUSE_NUMBER + "(?![\\w]|[.,:-]\\d))?)");
  private static final Pattern POSTCODE_CORE = Pattern.compile("[1-9]\\d{3} ?([A-Za-z]{2})");
  /** Letter pairs never issued (SA, SD, SS) and units that look like a postcode (1500 MB, 250mg). */
  private static final Set<String> NOT_POSTCODE_LETTERS = Set.of("SA", "SD", "SS", "MB", "GB", "KB",
      "TB", "KM", "KG", "MG", "ML", "CM", "MM", "KW", "PK", "CL", "DL", "GR", "HZ", "MS", "UU");
  // +CC or 00CC, an optional "(0)", then digit groups separated by space, hyphen or dot; an area
  // code may be in parentheses.
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(0\\))?(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?!\\w)");
  // Area or mobile prefix (0X..0XXX, never 00; optionally in parentheses), then the subscriber
  // number in up to four groups. Neither end may touch a digit run, a date or a decimal.
  private static final Pattern NATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+\\-/]|\\d[.,:])(?:\\(0[1-9]\\d{0,2}\\) ?|0[1-9]\\d{0,2}[ -]?)"
          + "\\d{2,4}(?: ?\\d{2,4}){0,3}(?![\\w\\-/]|[.,:]\\d| ?\\d)");
  // Nine digits, the official 1234.56.789 notation, 3-3-3 groups, or eight digits (a BSN whose
  // leading zero was dropped; only accepted after the word BSN).
  private static final Pattern BSN = Pattern.compile(
      "(?<![\\w.,€$/-]|\\d[.,:])(?:\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3}([ .])\\d{3}\\1\\d{3}|\\d{8,9})"
          + "(?![\\w/]|[.,:-]\\d)");
  private static final Pattern BSN_CONTEXT = Pattern.compile(
      "(?i)(?:bsn|burgerservice|sofi)[\\p{L}-]*\\W{0,5}(?:is|was|:)?\\W{0,3}$");
  private static final Pattern NOT_BSN_CONTEXT = Pattern.compile("(?i)(?:order|bestel|factuur"
      + "|invoice|ticket|klantnummer|klant-?nr|referentie|kenmerk|ref|tracking|zending|pakket"
      + "|artikel|dossier|polis|contract)[\\p{L}.-]*\\W{0,5}(?:is|was|:|nr\\.?|nummer)?\\W{0,3}$");
  private static final int CONTEXT_CHARS = 30;

  static final List<Rule> RULES = List.of(
      new Rule(EMAIL, (t, s, c) -> true, PiiType.EMAIL),
      new Rule(IBAN, (t, s, c) -> Iban.isValid(c), PiiType.IBAN),
      new Rule(CARD, (t, s, c) -> Checksums.isCard(Checksums.digits(c)), PiiType.CARD),
      new Rule(POSTCODE, PiiRules::isPostcode, PiiType.POSTCODE),
      new Rule(INTERNATIONAL_PHONE, (t, s, c) -> inRange(internationalDigits(c), 9, 15),
          PiiType.PHONE),
      new Rule(NATIONAL_PHONE, (t, s, c) -> Checksums.digits(c).length() == 10, PiiType.PHONE),
      new Rule(BSN, PiiRules::isBsn, PiiType.BSN));

  private PiiRules() {}

  private static boolean isPostcode(String text, int start, String candidate) {
    var m = POSTCODE_CORE.matcher(candidate);
    while (m.find()) {
      if (m.end() == candidate.length() || !Character.isLetter(candidate.charAt(m.end()))) {
        String letters = m.group(1).toUpperCase(Locale.ROOT);
        return !NOT_POSTCODE_LETTERS.contains(letters);
      }
    }
    return false;
  }

  private static boolean isBsn(String text, int start, String candidate) {
    String before = text.substring(Math.max(0, start - CONTEXT_CHARS), start);
    if (NOT_BSN_CONTEXT.matcher(before).find()) {
      return false;
    }
    boolean named = BSN_CONTEXT.matcher(before).find();
    String digits = Checksums.digits(candidate);
    if (digits.length() == 8) {
      return named && Checksums.isBsn("0" + digits);
    }
    // 123.456.789 is how large amounts are written: only a BSN when called one.
    boolean amountLike = candidate.length() == 11 && candidate.charAt(3) == '.';
    return Checksums.isBsn(digits) && (named || !amountLike);
  }

  /**
   * Digits of an international number after the {@code +} or {@code 00} exit code; a Dutch
   * {@code (0)} trunk prefix is not dialled, so not counted either.
   */
  private static int internationalDigits(String s) {
    String number = s.startsWith("00") ? s.substring(2) : s;
    return Checksums.digits(number.replace("(0)", "")).length();
  }

  private static boolean inRange(int n, int min, int max) {
    return n >= min && n <= max;
  }
}

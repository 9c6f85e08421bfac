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

  /**
   * One rule: a pattern, its check, and the kind it finds. When {@code guards} and a match fails
   * its check, the match is still claimed (without redaction), so that later rules do not find,
   * say, a phone number inside an IBAN with a wrong checksum.
   */
  record Rule(Pattern pattern, Check check, PiiType type, Check guards, Needs needs) {
    Rule(Pattern pattern, Check check, PiiType type, Check guards) {
      this(pattern, check, type, guards, Needs.DIGIT);
    }

    Rule(Pattern pattern, Check check, PiiType type) {
      this(pattern, check, type, (t, s, c) -> false);
    }

    /** A cheap test that the pattern cannot match, to skip it. */
    boolean cannotMatch(String text, boolean hasDigit) {
      return switch (needs) {
        case AT_SIGN -> text.indexOf('@') < 0;
        case DIGIT -> !hasDigit;
        case SPOKEN_AT -> !SPOKEN_AT.matcher(text).find();
      };
    }
  }

  /** What a text must contain for a rule to have a chance. */
  enum Needs { AT_SIGN, DIGIT, SPOKEN_AT }

  private static final Pattern SPOKEN_AT = Pattern.compile(
      "(?i)\\s(?:at|apenstaartje|apestaartje|at-teken)\\s");

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
  private static final String POSTCODE_ONLY =
      "[1-9]\\d{3}(?: ?[A-Z]{2}| ?[a-z]{2})(?![\\p{L}\\d])";
  // "Dorpsstraat 12, 1234 AB", "12, 1234 AB", "1234 AB", "1234AB 12", "1234 AB, 12-a".
  private static final Pattern POSTCODE = Pattern.compile("(?<![\\w-])(?:(?:" + STREET + ")?"
      + HOUSE_NUMBER + ",? " + POSTCODE_ONLY + "|" + POSTCODE_ONLY + "(?:,? (?:nr\\.? ?)?"
      + HOUSE_NUMBER + "(?![\\w]|[.,:-]\\d))?)");
  private static final Pattern POSTCODE_CORE = Pattern.compile("[1-9]\\d{3}( ?)([A-Za-z]{2})");
  /** Words that make "1234 ab" in lower case with a space a postcode rather than a year and a word. */
  private static final Pattern ADDRESS_CONTEXT = Pattern.compile("(?i)(?:postcode|adres|woon"
      + "|wonen|verhuisd|bezorg|address|live|deliver|ship)[\\p{L}]*\\W+(?:\\p{L}+\\W+){0,3}$");
  /** Two-letter words that follow numbers in ordinary sentences ("in 2025 en 2026"). */
  private static final Set<String> COMMON_WORDS = Set.of("en", "in", "op", "is", "of", "at", "an",
      "on", "to", "de", "je", "we", "ik", "me", "om", "te", "ga", "nu", "al", "as", "be", "by",
      "do", "go", "he", "if", "it", "my", "no", "or", "so", "up", "us", "ze", "er", "na", "zo");
  /** Letter pairs never issued in Dutch postcodes. */
  private static final Set<String> NEVER_ISSUED = Set.of("SA", "SD", "SS");
  /** Data sizes that look like a bare postcode (1500 MB). */
  private static final Set<String> DATA_SIZES = Set.of("MB", "GB", "KB", "TB");
  /** Units that look like a postcode when glued in lower case (250mg, 1500ml). */
  private static final Set<String> UNITS = Set.of("mg", "kg", "km", "cm", "mm", "ml", "cl", "dl",
      "gr", "kw", "pk", "hz", "ms", "mb", "gb", "kb", "tb", "uu", "st", "nd", "rd", "th", "pm",
      "am");
  // +CC or 00CC, an optional "(0)", then digit groups separated by space, hyphen or dot; an area
  // code may be in parentheses.
  private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(0\\))?(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?!\\w)");
  // Area or mobile prefix (0X..0XXX, never 00; optionally in parentheses; then a space, dot or
  // hyphen), then the subscriber number in up to four groups separated by spaces or dots
  // (06.12.34.56.78). Neither end may touch a digit run, a date or a decimal.
  private static final Pattern NATIONAL_PHONE = Pattern.compile(
      "(?<![\\w+\\-/.]|\\d[.,:])(?:\\(0[1-9]\\d{0,2}\\) ?|0[1-9]\\d{0,2}(?: ?- ?|[ .])?)"
          + "\\d{2,4}(?:[ .]?\\d{2,4}){0,3}(?![\\w\\-/]|[.,:]\\d)");
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
      new Rule(EMAIL, (t, s, c) -> true, PiiType.EMAIL, (t, s, c) -> false, Needs.AT_SIGN),
      new Rule(IBAN, (t, s, c) -> Iban.isValid(c), PiiType.IBAN, (t, s, c) -> true),
      // Card-shaped runs not starting with 0 (phone numbers do) are no phone number or BSN.
      new Rule(CARD, (t, s, c) -> Checksums.isCard(Checksums.digits(c)), PiiType.CARD,
          (t, s, c) -> c.charAt(0) != '0'),
      new Rule(POSTCODE, PiiRules::isPostcode, PiiType.POSTCODE),
      ContextRules.BIRTH_DATE,
      ContextRules.ADDRESS,
      ContextRules.ENGLISH_ADDRESS,
      ContextRules.UK_POSTCODE,
      ContextRules.US_ZIP,
      ContextRules.PLATE,
      ContextRules.ID_NUMBER,
      ContextRules.SPELLED_EMAIL,
      new Rule(INTERNATIONAL_PHONE, (t, s, c) -> inRange(internationalDigits(c), 9, 15),
          PiiType.PHONE),
      ContextRules.US_PHONE,
      new Rule(NATIONAL_PHONE, (t, s, c) -> Checksums.digits(c).length() == 10, PiiType.PHONE),
      ContextRules.ELEVEN_DIGIT_PHONE,
      new Rule(BSN, PiiRules::isBsn, PiiType.BSN));

  private PiiRules() {}

  private static boolean isPostcode(String text, int start, String candidate) {
    var m = POSTCODE_CORE.matcher(candidate);
    while (m.find()) {
      if (m.end() == candidate.length() || !Character.isLetter(candidate.charAt(m.end()))) {
        String letters = m.group(2);
        String upper = letters.toUpperCase(Locale.ROOT);
        // A house number or street next to it makes it an address whatever the letters.
        boolean withNumber = candidate.length() > m.end() || m.start() > 0;
        boolean spacedLowerCase = !m.group(1).isEmpty()
            && letters.equals(letters.toLowerCase(Locale.ROOT));
        if (withNumber) {
          return !NEVER_ISSUED.contains(upper)
              && !(spacedLowerCase && COMMON_WORDS.contains(letters));
        }
        if (NEVER_ISSUED.contains(upper) || DATA_SIZES.contains(upper) || UNITS.contains(letters)) {
          return false;
        }
        if (!spacedLowerCase) {
          return true;
        }
        // "1234 ab" alone: only after an address word, and never an ordinary word ("2025 en").
        String before = text.substring(Math.max(0, start - CONTEXT_CHARS), start);
        return !COMMON_WORDS.contains(letters) && ADDRESS_CONTEXT.matcher(before).find();
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

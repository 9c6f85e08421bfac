package nl.waarom.ingest.privacy;

import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.ingest.privacy.PiiRules.Needs;
import nl.waarom.ingest.privacy.PiiRules.Rule;

/**
 * The rules for personal data without a checksum, where the shape alone is not enough and the
 * words around decide: dates of birth, street addresses, licence plates, identity documents,
 * spelled-out e-mail addresses and phone numbers in foreign formats. Used by {@link PiiRules}.
 */
final class ContextRules {
  private static final int BEFORE = 60;
  private static final int AFTER = 40;

  // --- dates of birth ---
  private static final String NL_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus"
      + "|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
  private static final String EN_MONTHS = "january|february|march|april|may|june|july|august"
      + "|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final Pattern DATE = Pattern.compile("(?iu)(?<![\\w/.,-])(?:"
      + "\\d{1,2}([-/.])\\d{1,2}\\1(?:" + YEAR + "|\\d{2})"
      + "|" + YEAR + "-\\d{1,2}-\\d{1,2}"
      + "|\\d{1,2}(?:e|ste|de|st|nd|rd|th)?(?:\\s+of)?\\s+(?:" + NL_MONTHS + "|" + EN_MONTHS
      + ")\\.?,?\\s+" + YEAR
      + "|(?:" + EN_MONTHS + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+" + YEAR
      + ")(?![\\w/]|[.,-]\\d)");
  private static final Pattern BIRTH_BEFORE = Pattern.compile("(?iu)(?:geboren|geboorte|geb\\."
      + "|verjaardag|jarig|\\bdob\\b|d\\.o\\.b|date of birth|birth|\\bborn\\b)");
  private static final Pattern BIRTH_AFTER = Pattern.compile("(?iu)^\\W{0,3}(?:\\p{L}+\\W+){0,3}"
      + "(?:geboren|geboortedatum|jarig|born|birthday|date of birth)");
  private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("(?:19|20)\\d{2}(?!\\d)");
  /**
   * A full date this many years back or more is taken as a date of birth even without a word
   * about birth (the answer to "and your date of birth?" in the next turn): customers rarely
   * quote other full dates that old.
   */
  static final int YEARS_BACK_ALWAYS_BIRTH = 16;

  static final Rule BIRTH_DATE = new Rule(DATE, ContextRules::isBirthDate, PiiType.BIRTH_DATE);

  // --- street addresses ---
  private static final String STREET_WORD = "\\p{Lu}[\\p{L}'’.-]*";
  private static final String LOWER_PART = "van|de|der|den|het|'t|'s|la|le|du|des|von|am|an|op"
      + "|aan|in|te|ter|ten|bij|over|achter|voor|onder|of|the";
  private static final String NOT_FIRST = "(?!(?:In|Op|Naar|Mijn|My|The|Een|Ik|Wij|We|Aan|Bij"
      + "|At|To|On|Is|Het|Adres|Address|Nieuw|New|Ook|Dan|En|And|Of|Met|With|Dat|Dit|Ja|Nee)\\s)";
  private static final Pattern NL_ADDRESS = Pattern.compile("(?<![\\p{L}\\d'’-])" + NOT_FIRST
      + STREET_WORD + "(?:[ \\t]+(?:" + STREET_WORD + "|" + LOWER_PART + ")){0,4}"
      + "[ \\t]+\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}\\d])|-\\d{1,3}(?!\\d)|-[a-zA-Z](?![\\p{L}\\d]))?"
      + "(?:,?[ \\t]+\\d{4,5}(?=[ \\t]+\\p{Lu}\\p{Ll}))?"
      + "(?![\\d]|[.,:/]\\d|\\s?%|\\s?(?:euro|eur|kwh|gb|mb|stuks|minuten|jaar|maanden|dagen)\\b)");
  private static final Set<String> FOREIGN_STREET_WORDS = Set.of("rue", "avenue", "chaussée",
      "boulevard", "place", "chemin", "via", "calle", "avenida", "rua");
  private static final Set<String> FOREIGN_SUFFIXES = Set.of("straße", "strasse", "gasse",
      "platz", "allee", "weg", "ring", "damm");
  private static final Pattern HOUSE_NUMBER = Pattern.compile("\\s\\d");
  static final Rule ADDRESS = new Rule(NL_ADDRESS, ContextRules::isStreet, PiiType.ADDRESS);

  private static final String EN_STREET_TYPE = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr"
      + "|Close|Way|Court|Ct|Place|Pl|Square|Sq|Crescent|Gardens|Terrace|Boulevard|Blvd|Grove"
      + "|Hill|Row|Mews|Parade|Walk|Green|Highway|Hwy";
  static final Rule ENGLISH_ADDRESS = new Rule(Pattern.compile("(?<![\\w.,/-])\\d{1,5}[A-Za-z]?"
      + "\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,3}(?:" + EN_STREET_TYPE + ")\\.?"
      + "(?:\\s+(?:NW|NE|SW|SE|N|S|E|W)(?![\\p{L}]))?(?![\\p{L}])"),
      (t, s, c) -> true, PiiType.ADDRESS);
  /** A British postcode ("NW1 6XE", "SW1A 1AA"), written as such: upper case with the space. */
  static final Rule UK_POSTCODE = new Rule(Pattern.compile(
      "(?<![\\w-])[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}(?![\\w-])"), (t, s, c) -> true,
      PiiType.POSTCODE);
  private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT",
      "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
      "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
      "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY");
  /** A US ZIP code after a state's code, as the end of an address ("DC 20500"). */
  static final Rule US_ZIP = new Rule(Pattern.compile(
      "(?<![\\w-])[A-Z]{2} \\d{5}(?:-\\d{4})?(?![\\w-])"),
      (t, s, c) -> c.length() >= 8 && US_STATES.contains(c.substring(0, 2)), PiiType.POSTCODE);

  // --- licence plates, identity documents ---
  /** The Dutch side-codes: L a letter, D a digit. */
  private static final String[] SIDE_CODES = {"LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL",
      "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L",
      "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"};
  private static final Pattern PLATE_PATTERN = Pattern.compile("(?i)(?<![\\w-])(?:"
      + String.join("|", java.util.Arrays.stream(SIDE_CODES)
          .map(c -> c.replace("L", "[A-Z]").replace("D", "\\d")).toList())
      + ")(?![\\w-])");
  private static final Pattern PLATE_CONTEXT = Pattern.compile(
      "(?iu)(?:kenteken|nummerbord|plate|registration|auto|car)");
  private static final Pattern NOT_PLATE_CONTEXT = Pattern.compile("(?iu)(?:order|bestel|factuur"
      + "|invoice|ticket|referentie|reference|kenmerk|artikel|ref)\\p{L}*\\W{0,5}"
      + "(?:nummer|number|nr\\.?|:)?\\W{0,3}$");
  static final Rule PLATE = new Rule(PLATE_PATTERN, ContextRules::isPlate, PiiType.PLATE);

  private static final Pattern DOCUMENT = Pattern.compile(
      "(?<![\\w-])[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d(?![\\w-])");
  private static final Pattern DOCUMENT_CONTEXT = Pattern.compile("(?iu)(?:paspoort|passport"
      + "|identiteit|identity|id-?\\s?kaart|id-?\\s?card|\\bid\\b|documentnummer|document number"
      + "|rijbewijs|driving licen)");
  static final Rule ID_NUMBER = new Rule(DOCUMENT, ContextRules::isDocumentNumber,
      PiiType.ID_NUMBER);

  // --- e-mail addresses read out, phone numbers in foreign formats ---
  private static final String SPOKEN_SEPARATOR = "(?:\\s+(?:punt|dot|streepje|liggend streepje"
      + "|underscore|dash|hyphen|min)\\s+|[._-])";
  static final Rule SPELLED_EMAIL = new Rule(Pattern.compile("(?iu)(?<![\\p{L}\\d])"
      + "[\\p{L}\\d]+(?:" + SPOKEN_SEPARATOR + "[\\p{L}\\d]+)*"
      + "\\s+(?:at|apenstaartje|apestaartje|at-teken)\\s+"
      + "[\\p{L}\\d-]+(?:\\s+(?:punt|dot)\\s+[\\p{L}\\d-]+)*\\s+(?:punt|dot)\\s+"
      + "(?:com|nl|net|org|be|eu|de|uk|info|io|co|fr|biz)(?![\\p{L}\\d])"),
      (t, s, c) -> true, PiiType.EMAIL, (t, s, c) -> false, Needs.SPOKEN_AT);
  /** North American numbers: (555) 123-4567, 555-123-4567, 555.123.4567. */
  static final Rule US_PHONE = new Rule(Pattern.compile("(?<![\\w(+-])(?:\\(\\d{3}\\)\\s?"
      + "|\\d{3}([-.]))\\d{3}[-.]\\d{4}(?![\\w-]|[.,]\\d)"), (t, s, c) -> true, PiiType.PHONE);
  /** National numbers of eleven digits in groups, as in the UK and Germany: 07700 900123. */
  static final Rule ELEVEN_DIGIT_PHONE = new Rule(Pattern.compile(
      "(?<![\\w+\\-/.]|\\d[.,:])0\\d{2,4}(?: \\d{3,6}){1,2}(?![\\w\\-/]|[.,:]\\d)"),
      (t, s, c) -> Checksums.digits(c).length() == 11, PiiType.PHONE);

  private ContextRules() {}

  private static boolean isBirthDate(String text, int start, String candidate) {
    String before = text.substring(Math.max(0, start - BEFORE), start);
    int end = start + candidate.length();
    String after = text.substring(end, Math.min(text.length(), end + AFTER));
    if (BIRTH_BEFORE.matcher(before).find() || BIRTH_AFTER.matcher(after).find()) {
      return true;
    }
    Matcher year = FOUR_DIGIT_YEAR.matcher(candidate);
    int y = -1;
    while (year.find()) {
      y = Integer.parseInt(year.group());
    }
    return y >= 1900 && y <= Year.now().getValue() - YEARS_BACK_ALWAYS_BIRTH;
  }

  /** Some word of the candidate's street part is, or ends in, a street-name ending. */
  private static boolean isStreet(String text, int start, String candidate) {
    Matcher m = HOUSE_NUMBER.matcher(candidate);
    if (!m.find()) {
      return false;
    }
    String street = candidate.substring(0, m.start()).strip();
    Gazetteers g = Gazetteers.get();
    if (g.places.contains(Gazetteers.fold(street))) {
      return false;
    }
    for (String word : street.split("\\s+")) {
      String w = Gazetteers.fold(word);
      if (FOREIGN_STREET_WORDS.contains(w) || g.streetSuffixes.contains(w)) {
        return true;
      }
      // an ending after at least three letters: Kerk|straat, Linden|laan (not "dam" in "Adam")
      for (int from = 3; from < w.length() - 1; from++) {
        if (g.streetSuffixes.contains(w.substring(from))) {
          return true;
        }
      }
      for (String suffix : FOREIGN_SUFFIXES) {
        if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPlate(String text, int start, String candidate) {
    if (!PLATE_PATTERN.matcher(candidate).matches()) {
      return false;
    }
    String before = text.substring(Math.max(0, start - BEFORE), start);
    if (NOT_PLATE_CONTEXT.matcher(before).find()) {
      return false;
    }
    boolean upper = candidate.equals(candidate.toUpperCase(Locale.ROOT));
    return upper || PLATE_CONTEXT.matcher(before).find();
  }

  /** Named a document, or letters and digits mixed as in every number issued since 2014. */
  private static boolean isDocumentNumber(String text, int start, String candidate) {
    String before = text.substring(Math.max(0, start - BEFORE), start);
    if (DOCUMENT_CONTEXT.matcher(before).find()) {
      return true;
    }
    String middle = candidate.substring(2, 8);
    return middle.chars().anyMatch(Character::isLetter)
        && middle.chars().anyMatch(Character::isDigit);
  }
}

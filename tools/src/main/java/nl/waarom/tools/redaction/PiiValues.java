package nl.waarom.tools.redaction;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random but realistic personal data values with valid checksums (IBAN mod-97, BSN eleven-test,
 * card Luhn) in varied notations, and near-misses that look alike but are not personal data.
 * Deterministic for a given {@link Random}; not thread-safe.
 */
final class PiiValues {
  static final List<String> FIRST = List.of("Jan", "Sanne", "Fatima", "Peter", "Anouk", "Mohamed",
      "Lotte", "Kees", "Emma", "Daan", "Olivia", "Noah", "Yara", "Bram", "Sophie", "Liam");
  static final List<String> LAST = List.of("de Vries", "Jansen", "El Amrani", "Smith", "Bakker",
      "van den Berg", "Visser", "Yilmaz", "Mulder", "de Jong", "Brown", "Peters", "Dijkstra");
  private static final List<String> DOMAINS = List.of("gmail.com", "ziggo.nl", "outlook.com",
      "kpnmail.nl", "example.org", "bedrijf.co.uk", "hotmail.nl", "xs4all.nl");
  private static final List<String> STREETS = List.of("Dorpsstraat", "Kerkweg", "Stationsplein",
      "Molenlaan", "Prinsengracht", "Julianastraat", "Parkweg", "Schoolsteeg", "Havenkade");
  private static final String LETTERS = "ABCEGHJKLNPRTVWXYZ";
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Random random;

  PiiValues(Random random) {
    this.random = random;
  }

  String name() {
    return pick(FIRST) + " " + pick(LAST);
  }

  String email(String name) {
    String[] parts = name.toLowerCase(Locale.ROOT).replace(" ", ".").split("\\.");
    String user = switch (random.nextInt(4)) {
      case 0 -> parts[0] + "." + parts[parts.length - 1];
      case 1 -> parts[0].charAt(0) + "." + parts[parts.length - 1] + random.nextInt(100);
      case 2 -> parts[0] + "_" + (1950 + random.nextInt(60));
      default -> parts[0] + "+shop";
    };
    return user + "@" + pick(DOMAINS);
  }

  String phone() {
    return switch (random.nextInt(15)) {
      case 12 -> "06 - " + digits(8);
      case 13 -> "06." + digits(2) + "." + digits(2) + "." + digits(2) + "." + digits(2);
      case 14 -> "+31 (0)6 " + digits(4) + " " + digits(4);
      case 0 -> "06-" + digits(8);
      case 1 -> "06 " + digits(4) + " " + digits(4);
      case 2 -> "06" + digits(8);
      case 3 -> "+31 6 " + digits(8);
      case 4 -> "+316" + digits(8);
      case 5 -> "0031 6 " + digits(4) + " " + digits(4);
      case 6 -> "0" + pick(List.of("20", "10", "30", "70", "40", "50")) + "-" + nonZero() + digits(6);
      case 7 -> "(0" + pick(List.of("20", "30", "71")) + ") " + nonZero() + digits(2) + " "
          + digits(2) + " " + digits(2);
      case 8 -> "+44 20 " + nonZero() + digits(3) + " " + digits(4);
      case 9 -> "+1 (" + nonZero() + digits(2) + ") " + nonZero() + digits(2) + "-" + digits(4);
      case 10 -> "+32 2 " + nonZero() + digits(2) + " " + digits(2) + " " + digits(2);
      default -> "+49 30 " + nonZero() + digits(7);
    };
  }

  /** A valid IBAN of a random country, compact, grouped by four, or lower-case. */
  String iban() {
    String country;
    String bban;
    switch (random.nextInt(5)) {
      case 0 -> { country = "NL"; bban = pick(List.of("ABNA", "INGB", "RABO", "TRIO")) + digits(10); }
      case 1 -> { country = "DE"; bban = digits(18); }
      case 2 -> { country = "BE"; bban = digits(12); }
      case 3 -> { country = "GB"; bban = pick(List.of("WEST", "NWBK", "BARC")) + digits(14); }
      default -> { country = "FR"; bban = digits(10) + alnum(11) + digits(2); }
    }
    String iban = country + checkDigits(country, bban) + bban;
    return format(iban);
  }

  /** Like {@link #iban()} but with wrong check digits. */
  String invalidIban() {
    String valid = iban().replace(" ", "").toUpperCase(Locale.ROOT);
    int check = Integer.parseInt(valid.substring(2, 4));
    int wrong = check >= 97 ? check - 1 : check + 1 + random.nextInt(97 - check);
    return format(valid.substring(0, 2) + String.format(Locale.ROOT, "%02d", wrong)
        + valid.substring(4));
  }

  /** A BSN passing the eleven-test in one of its notations. */
  String bsn() {
    String d = bsnDigits(true);
    return switch (random.nextInt(3)) {
      case 0 -> d;
      case 1 -> d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6);
      default -> d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
    };
  }

  /** Nine digits failing the eleven-test. */
  String invalidBsn() {
    return bsnDigits(false);
  }

  String bsnDigits(boolean valid) {
    while (true) {
      String first = nonZero() + digits(7);
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (9 - i) * (first.charAt(i) - '0');
      }
      int last = sum % 11;
      if (valid && last < 10) {
        return first + last;
      }
      if (!valid) {
        int wrong = (last + 1 + random.nextInt(9)) % 10;
        if (wrong != last) {
          return first + wrong;
        }
      }
    }
  }

  /** Postcode with or without house number and street; the whole text is personal data. */
  String postcode() {
    String letters = "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
        + LETTERS.charAt(random.nextInt(LETTERS.length()));
    String pc = nonZero() + digits(3) + switch (random.nextInt(5)) {
      case 0 -> letters;
      case 1 -> " " + letters.toLowerCase(Locale.ROOT);
      default -> " " + letters;
    };
    String number = Integer.toString(1 + random.nextInt(250))
        + (random.nextInt(5) == 0 ? "a" : "");
    return switch (random.nextInt(4)) {
      case 0 -> pick(STREETS) + " " + number + ", " + pc;
      case 1 -> pc + " " + number;
      case 2 -> number + ", " + pc;
      default -> pc;
    };
  }

  /** A Luhn-valid number of a major issuer, grouped as printed on the card or compact. */
  String card() {
    return formatCard(cardDigits(true));
  }

  /** A card-like number failing Luhn. */
  String invalidCard() {
    return formatCard(cardDigits(false));
  }

  private String cardDigits(boolean valid) {
    String prefix;
    int length;
    switch (random.nextInt(4)) {
      case 0 -> { prefix = "4"; length = 16; }
      case 1 -> { prefix = Integer.toString(51 + random.nextInt(5)); length = 16; }
      case 2 -> { prefix = random.nextBoolean() ? "34" : "37"; length = 15; }
      default -> { prefix = "6011"; length = 16; }
    }
    String body = prefix + digits(length - prefix.length() - 1);
    int check = luhnCheckDigit(body);
    return body + (valid ? check : (check + 1 + random.nextInt(9)) % 10);
  }

  private String formatCard(String d) {
    String sep = pick(List.of(" ", "-", ""));
    if (d.length() == 15) {
      return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < d.length(); i += 4) {
      out.append(i == 0 ? "" : sep).append(d, i, Math.min(d.length(), i + 4));
    }
    return out.toString();
  }

  static int luhnCheckDigit(String body) {
    int sum = 0;
    boolean doubled = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }

  private static String checkDigits(String country, String bban) {
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.digit(c, 36));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  private String format(String iban) {
    return switch (random.nextInt(3)) {
      case 0 -> iban;
      case 1 -> iban.replaceAll("(.{4})(?!$)", "$1 ");
      default -> iban.toLowerCase(Locale.ROOT);
    };
  }

  String digits(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  char nonZero() {
    return (char) ('1' + random.nextInt(9));
  }

  private String alnum(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return s.toString();
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}

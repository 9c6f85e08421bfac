package nl.waarom.ingest.privacy;

/**
 * The checksums that tell personal numbers from other numbers: the Dutch BSN eleven-test and the
 * Luhn test with the issuer (IIN) ranges of payment cards. Pure functions on digit strings.
 */
final class Checksums {
  private Checksums() {}

  /** Only the digits of the text. */
  static String digits(String text) {
    StringBuilder d = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      }
    }
    return d.toString();
  }

  /**
   * The BSN eleven-test ("elfproef") on nine digits: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple
   * of 11 (and not zero: 000000000 is no BSN).
   */
  static boolean isBsn(String digits) {
    if (digits.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (digits.charAt(i) - '0');
    }
    sum -= digits.charAt(8) - '0';
    return sum != 0 && sum % 11 == 0;
  }

  /** The Luhn (mod 10) check of ISO/IEC 7812. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether 13..19 digits are a payment card number: Luhn-valid and in a major issuer range with a
   * length that issuer uses (Visa 4: 13/16/19; Mastercard 51-55, 2221-2720: 16; Amex 34, 37: 15;
   * Diners 300-305, 36, 38-39: 14-19; Discover 6011, 644-649, 65: 16-19; JCB 3528-3589: 16-19;
   * Maestro 50, 56-58, 6: 13-19; UnionPay 62: 16-19).
   */
  static boolean isCard(String digits) {
    int n = digits.length();
    if (n < 13 || n > 19 || !luhn(digits)) {
      return false;
    }
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    if (digits.charAt(0) == '4') {
      return n == 13 || n == 16 || n == 19;
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return n == 16;
    }
    if (p2 == 34 || p2 == 37) {
      return n == 15;
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
      return n >= 14;
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || p2 == 62
        || (p4 >= 3528 && p4 <= 3589)) {
      return n >= 16;
    }
    return p2 == 50 || (p2 >= 56 && p2 <= 58) || digits.charAt(0) == '6';
  }
}

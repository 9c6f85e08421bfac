package nl.waarom.ingest.privacy;

import java.util.Locale;

/** The ISO 13616 IBAN check: length and the mod-97 checksum (ISO 7064). */
final class Iban {
  private static final int MIN_LENGTH = 15;
  private static final int MAX_LENGTH = 34;

  private Iban() {}

  /**
   * Whether the text, with spaces removed and letters upper-cased, is an IBAN with a valid
   * checksum; never throws.
   */
  static boolean isValid(String text) {
    String iban = text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (iban.length() < MIN_LENGTH || iban.length() > MAX_LENGTH
        || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
      return false;
    }
    // Move country code and check digits to the end; letters count as 10..35; remainder must be 1.
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      int value = Character.digit(rearranged.charAt(i), 36);
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder == 1;
  }
}

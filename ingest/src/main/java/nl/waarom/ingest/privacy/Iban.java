package nl.waarom.ingest.privacy;

import java.util.Locale;
import java.util.Map;

/**
 * The ISO 13616 IBAN check: the length (per country where known, else 15-34) and the mod-97
 * checksum (ISO 7064).
 */
final class Iban {
  private static final int MIN_LENGTH = 15;
  private static final int MAX_LENGTH = 34;

  /** IBAN lengths of the SEPA countries and a few more (ISO 13616 registry). */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
      Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
      Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
      Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GR", 27),
      Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
      Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18),
      Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
      Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
      Map.entry("TR", 26), Map.entry("VA", 22), Map.entry("SA", 24), Map.entry("AE", 23));

  private Iban() {}

  /**
   * Whether the text, with spaces removed and letters upper-cased, is an IBAN with a valid
   * checksum; never throws.
   */
  static boolean isValid(String text) {
    String iban = text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (iban.length() < MIN_LENGTH || iban.length() > MAX_LENGTH
        || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")
        || LENGTHS.getOrDefault(iban.substring(0, 2), iban.length()) != iban.length()) {
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

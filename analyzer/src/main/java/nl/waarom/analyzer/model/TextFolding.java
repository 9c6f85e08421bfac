package nl.waarom.analyzer.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower-cases and accent-folds text so that "Café", "cafe" and "CAFÉ" become the same features, and
 * turns every character that is neither a letter nor a digit into a space (so tokens are runs of
 * letters and digits). Dutch diacritics ("ë" in "geïnd", "é" in "één") are mostly written without
 * them in chats, which is why folding helps.
 */
public final class TextFolding {
  private TextFolding() {
  }

  /** Returns the folded characters; never null. Length may differ from the input. */
  public static char[] fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!isAscii(lower)) {
      lower = Normalizer.normalize(lower, Normalizer.Form.NFD);
    }
    char[] out = new char[lower.length()];
    int n = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a decomposed letter
      }
      out[n++] = Character.isLetterOrDigit(c) ? c : ' ';
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}

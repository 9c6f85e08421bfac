package nl.waarom.analyzer.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Text folded as {@link TextFolding} folds it, remembering for every folded character where it
 * came from in the original, so a feature found in the folded text can be pointed at in the text
 * the customer wrote.
 *
 * @param chars the folded characters, equal to {@code TextFolding.fold(original)}
 * @param from  for each folded character, the index of the original character it came from
 */
record FoldedText(char[] chars, int[] from) {

  /**
   * Folds one character at a time; empty when that gives another result than folding the whole
   * text (a context-dependent lower-casing such as the Greek final sigma), so that offsets are
   * never guessed.
   */
  static java.util.Optional<FoldedText> of(String text) {
    char[] out = new char[text.length() * 2];
    int[] from = new int[out.length];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String lower = text.substring(i, next).toLowerCase(Locale.ROOT);
      if (!isAscii(lower)) {
        lower = Normalizer.normalize(lower, Normalizer.Form.NFD);
      }
      for (int k = 0; k < lower.length(); k++) {
        char c = lower.charAt(k);
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
          continue;
        }
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
          from = Arrays.copyOf(from, n * 2);
        }
        out[n] = Character.isLetterOrDigit(c) ? c : ' ';
        from[n++] = i;
      }
      i = next;
    }
    char[] chars = Arrays.copyOf(out, n);
    return Arrays.equals(chars, TextFolding.fold(text))
        ? java.util.Optional.of(new FoldedText(chars, Arrays.copyOf(from, n)))
        : java.util.Optional.empty();
  }

  /** The original index of the first character of the folded range. */
  int originalStart(int start) {
    return from[start];
  }

  /** The original index just after the last character of the folded range {@code [start, end)}. */
  int originalEnd(String original, int end) {
    int last = from[end - 1];
    return last + Character.charCount(original.codePointAt(last));
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

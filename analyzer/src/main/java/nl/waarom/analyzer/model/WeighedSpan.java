package nl.waarom.analyzer.model;

/**
 * Words of a text that weighed for a label: a word or a two-word phrase, with its character
 * offsets in the text as given to the model and its share of the label's decision value.
 *
 * @param start  offset of the first character in the text
 * @param end    offset after the last character
 * @param weight what the span's n-gram features added to the label's decision value, &gt; 0
 */
public record WeighedSpan(int start, int end, double weight) {
  public WeighedSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
    }
  }
}

package nl.waarom.analyzer.classify;

/**
 * One matched term of a rule, located in one turn of the contact. A phrase or proximity rule
 * yields one span covering the whole phrase (including any words in between).
 *
 * @param term the matched text exactly as it appears in the turn; never null
 * @param turnIndex index of the turn in {@code Contact.turns}
 * @param start offset of the first character in that turn's text
 * @param end offset after the last character in that turn's text
 */
public record EvidenceSpan(String term, int turnIndex, int start, int end)
    implements Comparable<EvidenceSpan> {

  public EvidenceSpan {
    if (term == null || turnIndex < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "invalid evidence " + term + " @" + turnIndex + "[" + start + "," + end + ")");
    }
  }

  @Override
  public int compareTo(EvidenceSpan o) {
    int c = Integer.compare(turnIndex, o.turnIndex);
    return c != 0 ? c : Integer.compare(start, o.start) != 0
        ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }
}

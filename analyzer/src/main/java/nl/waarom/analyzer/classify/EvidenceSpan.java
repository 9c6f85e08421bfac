package nl.waarom.analyzer.classify;

/**
 * One matched term of a rule, or a word the learned model weighed, located in one turn of the
 * contact or in its e-mail subject. A phrase rule yields one span covering the whole phrase
 * (including any words in between).
 *
 * @param term the matched text exactly as it appears in the turn or subject; never null
 * @param turnIndex index of the turn in {@code Contact.turns}, or {@link #SUBJECT} (-1) for the
 *     contact's subject
 * @param start offset of the first character in that turn's (or the subject's) text
 * @param end offset after the last character in that text
 */
public record EvidenceSpan(String term, int turnIndex, int start, int end)
    implements Comparable<EvidenceSpan> {
  /** The {@code turnIndex} of evidence in the contact's subject: it comes before every turn. */
  public static final int SUBJECT = -1;

  public EvidenceSpan {
    if (term == null || turnIndex < SUBJECT || start < 0 || end < start) {
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

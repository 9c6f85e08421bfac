package nl.waarom.analyzer.classify;

import java.util.List;
import java.util.Locale;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Turn;

/**
 * A classification as text for people, so a team can see why a contact lands where it does: the
 * taxonomy version and detected language, then one line per reason, strongest (primary) first,
 * with its confidence, source (RULE or MODEL), strength with its two parts (what the rules'
 * evidence weighs, the model's probability) and evidence quoted from the turns as
 * {@code "text" [turn:start-end]} ({@code [subject:start-end]} in the e-mail subject); or the line
 * {@code unexplained: ...} when no reason applies. Used by {@code ./waarom classify}.
 */
public final class ClassificationReport {
  private ClassificationReport() {}

  /** Classifies {@code contact} and returns the report, one line each, ending with a newline. */
  public static String of(Classifier classifier, Contact contact) {
    Classification result = classifier.classify(contact);
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "taxonomy %s, language %s%n",
        classifier.taxonomy().version(),
        classifier.language(contact).name().toLowerCase(Locale.ROOT)));
    if (result.unexplained()) {
      return text.append("unexplained: no rule matched and the model is below its threshold")
          .append(System.lineSeparator()).toString();
    }
    for (ReasonScore score : result.reasons()) {
      text.append(String.format(Locale.ROOT, "%-24s %.2f %-5s strength %4.1f (rules %4.1f, model "
              + "p=%.2f)  %s%n", score.reasonId(), score.confidence(), score.source(),
          score.strength(), score.specificity(), score.modelProbability(),
          evidence(score, contact.getSubject(), contact.getTurns())));
    }
    return text.toString();
  }

  private static String evidence(ReasonScore score, String subject, List<Turn> turns) {
    StringBuilder sb = new StringBuilder();
    for (EvidenceSpan e : score.evidence()) {
      String turn = e.turnIndex() == EvidenceSpan.SUBJECT ? subject
          : turns.get(e.turnIndex()).getText();
      sb.append(sb.isEmpty() ? "" : ", ").append('"').append(turn, e.start(), e.end()).append('"')
          .append(String.format(Locale.ROOT, " [%s:%d-%d]", e.turnIndex() == EvidenceSpan.SUBJECT
              ? "subject" : String.valueOf(e.turnIndex()), e.start(), e.end()));
    }
    return sb.toString();
  }
}

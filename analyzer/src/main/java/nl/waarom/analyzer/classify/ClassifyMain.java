package nl.waarom.analyzer.classify;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * {@code waarom classify "text"}: classifies one customer utterance with the default taxonomy (rules
 * and learned model) and prints each reason with its confidence, source and evidence, so a team can
 * see why a text lands where it does.
 */
public final class ClassifyMain {
  private ClassifyMain() {}

  public static int run(String[] args, PrintStream out) {
    if (args.length == 0 || args[0].isBlank()) {
      out.println("usage: classify \"what the customer said\" [more turns of the customer ...]");
      return 2;
    }
    List<Turn> turns = java.util.Arrays.stream(args)
        .map(text -> new Turn(Speaker.CUSTOMER, text, 0L)).toList();
    Contact contact = Contact.newBuilder().setContactId("cli").setChannel(Channel.CHAT)
        .setOccurredAt(Instant.now()).setTurns(turns).build();
    try (Classifier classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()))) {
      Classification result = classifier.classify(contact);
      out.printf(Locale.ROOT, "taxonomy %s, language %s%n", classifier.taxonomy().version(),
          classifier.language(contact).name().toLowerCase(Locale.ROOT));
      if (result.unexplained()) {
        out.println("unexplained: no rule matched and the model is below its threshold");
        return 0;
      }
      for (ReasonScore score : result.reasons()) {
        out.printf(Locale.ROOT, "%-24s %.2f %-5s %s%n", score.reasonId(), score.confidence(),
            score.source(), evidence(score, turns));
      }
    }
    return 0;
  }

  private static String evidence(ReasonScore score, List<Turn> turns) {
    StringBuilder sb = new StringBuilder();
    for (EvidenceSpan e : score.evidence()) {
      String turn = turns.get(e.turnIndex()).getText();
      sb.append(sb.isEmpty() ? "" : ", ").append('"').append(turn, e.start(), e.end()).append('"')
          .append(String.format(Locale.ROOT, " [%d:%d-%d]", e.turnIndex(), e.start(), e.end()));
    }
    return sb.toString();
  }
}

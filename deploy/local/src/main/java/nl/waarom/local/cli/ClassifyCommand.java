package nl.waarom.local.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarom.analyzer.classify.ClassificationReport;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.sentiment.ContactSentiment;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.analyzer.sentiment.SentimentReport;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import nl.waarom.taxonomy.TaxonomyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code waarom classify}: why a text lands where it does ({@link ClassificationReport}), and its
 * sentiment ({@link SentimentReport}).
 */
@Command(name = "classify",
    description = {"Classify what a customer said, and show why.",
        "Uses the default taxonomy (rules and learned model); prints each reason with its "
            + "confidence, source (RULE or MODEL) and the evidence in the text, then the "
            + "sentiment of every turn, the customer's at the start and at the end, and whether "
            + "it is a negative contact."},
    footer = {"  waarom classify \"De betaallink in jullie mail werkt niet\"",
        "  waarom classify \"Hallo\" \"Mijn pakket is niet aangekomen\"",
        "  waarom classify --subject \"Opzeggen\" \"Zie onderwerp, per 1 maart graag.\""})
final class ClassifyCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT",
      description = "What the customer said; several texts are several turns of one contact.")
  List<String> texts;

  @Option(names = "--subject", paramLabel = "TEXT",
      description = "An e-mail subject: the texts become an e-mail with this subject.")
  String subject;

  ClassifyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * The contact the texts make: one customer turn each, on the chat channel; an e-mail with that
   * subject when one is given.
   */
  Contact contact() {
    if (texts.stream().allMatch(String::isBlank) && (subject == null || subject.isBlank())) {
      throw new ParameterException(spec.commandLine(), "classify: the text is empty");
    }
    List<Turn> turns = texts.stream().map(text -> new Turn(Speaker.CUSTOMER, text, 0L)).toList();
    return Contact.newBuilder().setContactId("cli")
        .setChannel(subject == null ? Channel.CHAT : Channel.EMAIL).setSubject(subject)
        .setOccurredAt(Instant.now()).setTurns(turns).build();
  }

  @Override
  public Integer call() {
    Contact contact = contact();
    try (Classifier classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()))) {
      terminal.out().print(ClassificationReport.of(classifier, contact));
      terminal.out().print(SentimentReport.of(contact,
          ContactSentiment.of(contact, SentimentModel.shipped())));
    }
    return 0;
  }
}

package nl.waarom.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo must show what the product does: every scripted opening is classified by the default
 * taxonomy as the reason it was written for, and the openings written to state no known reason stay
 * unexplained. Guards against a taxonomy change silently turning the demo into noise.
 */
class PhrasebookClassificationTest {
  private static Classifier classifier;

  @BeforeAll
  static void load() {
    classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void everyOpeningGetsTheReasonItWasWrittenFor() {
    List<String> wrong = new ArrayList<>();
    Stream.concat(Phrasebook.NORMAL.stream(), Stream.of(Phrasebook.INCIDENT)).forEach(reason ->
        Stream.concat(reason.nl().stream(), reason.en().stream()).forEach(text -> {
          Classification c = classifier.classify(contact(text));
          String got = c.primary().map(ReasonScore::reasonId).orElse(null);
          if (!java.util.Objects.equals(got, reason.hint())) {
            wrong.add("'" + text + "' -> " + got + " (expected " + reason.hint() + ")");
          }
        }));
    assertThat(wrong).isEmpty();
  }

  private static Contact contact(String text) {
    return Contact.newBuilder().setContactId("t").setChannel(Channel.CHAT)
        .setOccurredAt(Instant.EPOCH)
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L))).build();
  }
}

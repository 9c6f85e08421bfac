package nl.waarom.sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Evidence;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Sentiment;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.TaxonomyReason;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Turn;
import nl.waarom.schemas.TurnSentiment;

/** Test data of the team workspace: contacts, their classifications and a taxonomy version. */
public final class ContactFixtures {
  public static final String VERSION = "2026.03-test";
  public static final String PAYMENT = "payment-problem";
  public static final String DELIVERY = "delivery-late";

  private ContactFixtures() {}

  /** A chat contact whose customer says {@code customerText}, after a bot greeting. */
  public static Contact chat(String id, Instant at, String customerText) {
    return Contact.newBuilder().setContactId(id).setChannel(Channel.CHAT).setOccurredAt(at)
        .setLanguage("nl").setQueue("betalen").setCustomerKey("ck-" + id)
        .setTurns(List.of(new Turn(Speaker.BOT, "Waarmee kan ik helpen?", 0L),
            new Turn(Speaker.CUSTOMER, customerText, 5_000L),
            new Turn(Speaker.AGENT, "Dat zoek ik voor u uit.", 20_000L)))
        .setTalkMillis(240_000L).setWrapUpMillis(60_000L)
        .setAttributes(Map.of("product", "webshop")).build();
  }

  /** An email contact with a subject and one customer turn. */
  public static Contact email(String id, Instant at, String subject, String body) {
    return Contact.newBuilder().setContactId(id).setChannel(Channel.EMAIL).setOccurredAt(at)
        .setLanguage("nl").setSubject(subject)
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, body, 0L))).build();
  }

  /**
   * The analyzer's classification of {@code contact}: {@code reasonId} by a rule, with the words
   * {@code evidence} marked where they first occur in the customer turn (or the subject).
   */
  public static ClassifiedContact classified(Contact contact, String reasonId, String evidence) {
    int turn = -1;
    int start = contact.getSubject() == null ? -1 : contact.getSubject().indexOf(evidence);
    for (int i = 0; start < 0 && i < contact.getTurns().size(); i++) {
      start = contact.getTurns().get(i).getText().indexOf(evidence);
      turn = i;
    }
    if (start < 0) {
      throw new IllegalArgumentException("'" + evidence + "' is not in " + contact);
    }
    ReasonMatch match = new ReasonMatch(reasonId, 0.9, ReasonSource.RULE,
        List.of(new Evidence(evidence, turn, start, start + evidence.length())));
    return ClassifiedContact.newBuilder().setContactId(contact.getContactId())
        .setChannel(contact.getChannel()).setOccurredAt(contact.getOccurredAt())
        .setLanguage(contact.getLanguage()).setQueue(contact.getQueue())
        .setCustomerKey(contact.getCustomerKey()).setHandleMillis(300_000L)
        .setTaxonomyVersion(VERSION).setReasons(List.of(match)).setUnexplained(false)
        .setTurnSentiments(List.of(new TurnSentiment(turn < 0 ? 0 : turn, Sentiment.NEGATIVE,
            -0.6f)))
        .setCustomerNegative(true).setTerms(List.of("afgeschreven"))
        .setCallbackRequested(contact.getCallbackRequested()).build();
  }

  /** An unexplained classification. */
  public static ClassifiedContact unexplained(Contact contact) {
    return ClassifiedContact.newBuilder().setContactId(contact.getContactId())
        .setChannel(contact.getChannel()).setOccurredAt(contact.getOccurredAt())
        .setTaxonomyVersion(VERSION).setReasons(List.of()).setUnexplained(true).build();
  }

  /** The taxonomy version {@link #VERSION}: a group "money" with payment-problem, and delivery-late. */
  public static TaxonomySnapshot taxonomy(Instant publishedAt) {
    String yaml = "version: " + VERSION + "\n";
    return TaxonomySnapshot.newBuilder().setVersion(VERSION).setPublishedAt(publishedAt)
        .setSha256("0".repeat(64)).setYaml(yaml)
        .setReasons(List.of(
            new TaxonomyReason("money", "Geld", "Money", null, "prevent", "finance"),
            new TaxonomyReason(PAYMENT, "Betaalprobleem", "Payment problem", "money", "prevent",
                "finance"),
            new TaxonomyReason(DELIVERY, "Levering te laat", "Late delivery", null, "prevent",
                "logistics")))
        .build();
  }
}

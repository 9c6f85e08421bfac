package nl.waarom.analyzer.emerging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.waarom.analyzer.classify.ContactTerms;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;

/**
 * Unexplained contacts for the emerging tests: varied background chatter (vague questions in
 * Dutch and English, each with two random filler words, some mentioning an update) and a new
 * phrase family (an app update that deletes settings). Seeded, so a run is reproducible.
 */
final class UnexplainedTraffic {
  static final List<String> CHATTER = List.of(
      "ik heb een vraag over de brief die ik kreeg",
      "kunt u mij terugbellen over mijn aanvraag",
      "ik begrijp het bericht in de app niet helemaal",
      "wie kan mij vertellen hoe dit zit",
      "er klopt iets niet maar ik weet niet wat",
      "ik wil graag iemand spreken over mijn situatie",
      "mijn buurman zei dat ik moest bellen",
      "ik heb gisteren al gebeld maar niemand wist het",
      "kunt u een update geven over mijn aanvraag",
      "ik zoek informatie over de voorwaarden",
      "waar vind ik de documenten op de website",
      "I have a question about the letter I received",
      "could someone call me back about my request",
      "I do not understand the message in the app",
      "something is not right but I am not sure what",
      "my neighbour told me to contact you",
      "I called yesterday and nobody knew the answer",
      "any update on my request from last week",
      "where can I find the documents on the website",
      "I would like to talk to someone about my situation");
  static final List<String> FILLER = List.of(
      "brief", "website", "formulier", "afspraak", "nummer", "klantnummer", "adres", "contract",
      "week", "maand", "gisteren", "morgen", "middag", "collega", "winkel", "pakket", "doos",
      "kastje", "kabel", "toestel", "letter", "form", "appointment", "number", "address",
      "account", "yesterday", "tomorrow", "colleague", "shop", "parcel", "box", "cable", "device",
      "kitchen", "garden", "holiday", "weekend", "daughter", "son", "husband", "wife", "office",
      "station", "train", "car", "bike", "school", "doctor", "bank");
  static final List<String> FAMILY = List.of(
      "app update deletes my settings",
      "after the app update all my settings are gone",
      "the latest app update wiped my settings",
      "since the update my settings were deleted",
      "app update reset my settings again",
      "na de update zijn mijn instellingen weg",
      "de app update heeft mijn instellingen gewist",
      "sinds de laatste update ben ik al mijn instellingen kwijt",
      "na de app update zijn de instellingen verdwenen");
  private static final Channel[] CHANNELS = {Channel.CHAT, Channel.CALL, Channel.EMAIL};

  private final Random random;
  private int sequence;

  UnexplainedTraffic(long seed) {
    this.random = new Random(seed);
  }

  /** Background chatter, one contact every {@code every} (±30 %) from {@code from} to {@code to}. */
  List<ClassifiedContact> chatter(Instant from, Instant to, Duration every) {
    List<ClassifiedContact> out = new ArrayList<>();
    long step = every.toMillis();
    for (long t = from.toEpochMilli(); t < to.toEpochMilli();
        t += (long) (step * (0.7 + 0.6 * random.nextDouble()))) {
      String text = CHATTER.get(random.nextInt(CHATTER.size())) + " "
          + FILLER.get(random.nextInt(FILLER.size())) + " "
          + FILLER.get(random.nextInt(FILLER.size()));
      out.add(contact("bg-" + sequence++, Instant.ofEpochMilli(t), text));
    }
    return out;
  }

  /** One family contact at {@code at}. */
  ClassifiedContact family(Instant at) {
    String text = FAMILY.get(random.nextInt(FAMILY.size()));
    if (random.nextBoolean()) {
      text += " " + FILLER.get(random.nextInt(FILLER.size()));
    }
    return contact("fam-" + sequence++, at, text);
  }

  ClassifiedContact contact(String id, Instant at, String text) {
    return ClassifiedContact.newBuilder()
        .setContactId(id)
        .setChannel(CHANNELS[Math.floorMod(id.hashCode(), CHANNELS.length)])
        .setCustomerKey("cust-" + id)
        .setOccurredAt(at)
        .setHandleMillis(300_000L)
        .setTaxonomyVersion("test")
        .setReasons(List.of())
        .setUnexplained(true)
        .setSnippet(text)
        .setTerms(ContactTerms.of(List.of(text)))
        .build();
  }
}

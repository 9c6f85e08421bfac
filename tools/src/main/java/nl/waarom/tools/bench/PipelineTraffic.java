package nl.waarom.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Turn;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;

/**
 * The requests of the pipeline benchmark: {@code POST /v1/contacts} bodies with one contact each,
 * the realistic webhook case. A mix of chats (40 %) and calls (35 %) of a few turns and e-mails
 * (25 %) of about 2 KB, half Dutch and half English, 85 % stating a reason of the default taxonomy
 * in the customer's words ({@link ScenarioTexts}) and 15 % chatter; a quarter omit the language.
 * The bodies are rendered once, up front, without their contactId, time and customer, so that
 * sending costs a string concatenation; customers come from a pool, so some contacts are repeats.
 * Deterministic for a seed.
 */
final class PipelineTraffic {
  /** Sentences of an e-mail's story that state no reason, to bring it to about 2 KB. */
  private static final List<String> STORY_NL = List.of(
      "Ik heb hier eerder over gemaild, maar ik heb nog geen antwoord gekregen.",
      "Mijn klantnummer staat onderaan deze mail, dan kunt u het makkelijk terugvinden.",
      "Ik heb de afgelopen week meerdere keren geprobeerd jullie telefonisch te bereiken.",
      "Op de website kon ik het antwoord op mijn vraag helaas niet vinden.",
      "Ik ben overdag niet altijd bereikbaar, dus een reactie per mail heeft mijn voorkeur.",
      "Het zou fijn zijn als dit deze week nog opgelost kan worden.",
      "Ik heb de bevestiging en de eerdere berichten als bijlage toegevoegd.",
      "Mijn partner heeft er ook al een keer naar gevraagd in de chat.",
      "Ik begrijp dat het druk is, maar ik wacht nu toch al een tijdje.",
      "Laat u mij weten of u nog meer gegevens van mij nodig heeft?");
  private static final List<String> STORY_EN = List.of(
      "I already e-mailed about this before, but I have not had an answer yet.",
      "My customer number is at the bottom of this e-mail so you can find it easily.",
      "I tried to reach you by phone several times over the past week.",
      "Unfortunately I could not find the answer to my question on the website.",
      "I am not always reachable during the day, so I would prefer an answer by e-mail.",
      "It would be great if this could be sorted out this week.",
      "I have attached the confirmation and the earlier messages.",
      "My partner also asked about it in the chat once.",
      "I understand that you are busy, but I have been waiting for a while now.",
      "Please let me know whether you need any more details from me.");
  private static final int EMAIL_BYTES = 2_048;
  private static final int CUSTOMERS = 20_000;

  private final List<String> tails;
  private final long seed;

  private PipelineTraffic(List<String> tails, long seed) {
    this.tails = tails;
    this.seed = seed;
  }

  /** {@code variants} rendered contacts of {@code taxonomy}'s reasons for {@code seed}. */
  static PipelineTraffic generate(Taxonomy taxonomy, int variants, long seed) {
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(seed);
    List<Reason> reasons = taxonomy.reasons().stream().filter(r -> !r.examples().isEmpty())
        .toList();
    List<String> tails = new ArrayList<>(variants);
    for (int v = 0; v < variants; v++) {
      tails.add(tail(json, reasons, random));
    }
    return new PipelineTraffic(List.copyOf(tails), seed);
  }

  /** Everything of one contact but its contactId, occurredAt and customerId, as JSON members. */
  private static String tail(ObjectMapper json, List<Reason> reasons, SplittableRandom random) {
    int pick = random.nextInt(100);
    Channel channel = pick < 40 ? Channel.CHAT : pick < 75 ? Channel.CALL : Channel.EMAIL;
    String language = random.nextBoolean() ? "nl" : "en";
    String said = random.nextInt(100) < 15
        ? ScenarioTexts.chatterText(language, channel, random)
        : ScenarioTexts.reasonText(ScenarioTexts.pick(reasons, random), language, channel, null,
            random);
    if (channel == Channel.EMAIL) {
      said = story(said, language, random);
    }
    ObjectNode c = json.createObjectNode();
    c.put("channel", channel.name());
    if (random.nextInt(4) != 0) {
      c.put("language", language);
    }
    if (channel == Channel.EMAIL) {
      c.put("subject", ScenarioTexts.subject(language, random));
    } else {
      c.put("talkMillis", 60_000 + random.nextInt(400_000));
    }
    ArrayNode turns = c.putArray("turns");
    for (Turn t : ScenarioTexts.turns(said, language, channel, random)) {
      ObjectNode turn = turns.addObject();
      turn.put("speaker", t.getSpeaker().name());
      turn.put("text", t.getText());
      turn.put("offsetMillis", t.getOffsetMillis());
    }
    String object = c.toString();
    return object.substring(1); // without the opening brace: the caller writes the ids first
  }

  /** The customer's words in an e-mail: the reason, then story sentences up to about 2 KB. */
  private static String story(String said, String language, SplittableRandom random) {
    List<String> story = "nl".equals(language) ? STORY_NL : STORY_EN;
    StringBuilder text = new StringBuilder(said);
    int sentences = 0;
    while (text.length() < EMAIL_BYTES - 120) {
      text.append(sentences++ % 3 == 0 ? "\n\n" : " ").append(ScenarioTexts.pick(story, random));
    }
    return text.toString();
  }

  /**
   * The body of request {@code index}: one contact with that contactId, occurring at
   * {@code occurredAt}, from a customer of the pool chosen by the index. Thread-safe.
   */
  String body(String contactId, Instant occurredAt, long index) {
    String tail = tails.get((int) (index % tails.size()));
    String customer = "customer-" + new SplittableRandom(seed + index).nextInt(CUSTOMERS);
    return "{\"contactId\":\"" + contactId + "\",\"occurredAt\":\"" + occurredAt
        + "\",\"customerId\":\"" + customer + "\"," + tail;
  }

  /** Average body size in bytes, for the header of the run. */
  int averageBytes() {
    return (int) tails.stream().mapToInt(String::length).average().orElse(0);
  }

  /** Share of e-mails, chats and calls among the variants, e.g. "chat 40 %, call 35 %, …". */
  String mix() {
    long chat = tails.stream().filter(t -> t.startsWith("\"channel\":\"CHAT\"")).count();
    long call = tails.stream().filter(t -> t.startsWith("\"channel\":\"CALL\"")).count();
    long email = tails.size() - chat - call;
    return String.format(Locale.ROOT, "chat %d %%, call %d %%, e-mail %d %%",
        100 * chat / tails.size(), 100 * call / tails.size(), 100 * email / tails.size());
  }
}

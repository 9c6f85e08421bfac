package nl.waarom.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Generates the demo's contacts as gateway JSON: a steady mix of Dutch and English chats, call
 * transcripts and emails across common reasons, plus, once the incident has started, a surge of
 * "the payment link does not work" contacts (a marketing e-mail with a broken payment link).
 * Deterministic for a given seed.
 */
public final class DemoScenario {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RandomGenerator random;
  private final int totalWeight;
  private long sequence;

  public DemoScenario(long seed) {
    this.random = new java.util.SplittableRandom(seed);
    this.totalWeight = Phrasebook.NORMAL.stream().mapToInt(Phrasebook.Reason::weight).sum();
  }

  /** One normal contact occurring at {@code at}. */
  public ObjectNode normalContact(Instant at) {
    int pick = random.nextInt(totalWeight);
    for (Phrasebook.Reason r : Phrasebook.NORMAL) {
      pick -= r.weight();
      if (pick < 0) {
        return contact(r, at, null);
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  /** One contact caused by the incident, occurring at {@code at}. */
  public ObjectNode incidentContact(Instant at) {
    return contact(Phrasebook.INCIDENT, at, "nov-payment-mail");
  }

  /** A JSON array of contacts, ready to POST to /v1/contacts. */
  public static ArrayNode batch(List<ObjectNode> contacts) {
    ArrayNode array = JSON.createArrayNode();
    contacts.forEach(array::add);
    return array;
  }

  private ObjectNode contact(Phrasebook.Reason reason, Instant at, String campaign) {
    boolean dutch = random.nextInt(100) < 65;
    String opening = pick(dutch ? reason.nl() : reason.en());
    String channel = switch (random.nextInt(10)) {
      case 0, 1, 2, 3, 4 -> "CHAT";
      case 5, 6, 7 -> "CALL";
      default -> "EMAIL";
    };
    ObjectNode c = JSON.createObjectNode();
    c.put("contactId", channel.toLowerCase(Locale.ROOT) + "-demo-" + (++sequence) + "-"
        + Long.toString(random.nextLong() & 0xffffffL, 36));
    c.put("channel", channel);
    c.put("occurredAt", at.toString());
    c.put("customerId", "demo-customer-" + random.nextInt(5_000));
    c.put("language", dutch ? "nl" : "en");
    c.put("queue", pick(Phrasebook.QUEUES));
    ArrayNode turns = c.putArray("turns");
    switch (channel) {
      case "EMAIL" -> {
        c.put("subject", dutch ? "Vraag" : "Question");
        turn(turns, "CUSTOMER", opening + signature(dutch), 0);
      }
      case "CALL" -> {
        c.put("ivrPath", (1 + random.nextInt(3)) + ">" + (1 + random.nextInt(4)));
        c.put("ivrMillis", 20_000 + random.nextInt(40_000));
        c.put("queueMillis", random.nextInt(300_000));
        c.put("talkMillis", 120_000 + random.nextInt(480_000));
        c.put("wrapUpMillis", 30_000 + random.nextInt(90_000));
        turn(turns, "AGENT", dutch ? "Goedemorgen, u spreekt met de klantenservice." : "Good morning, customer service speaking.", 0);
        turn(turns, "CUSTOMER", opening, 4_000);
        turn(turns, "AGENT", pick(dutch ? Phrasebook.AGENT_NL : Phrasebook.AGENT_EN), 15_000);
      }
      default -> {
        c.put("talkMillis", 180_000 + random.nextInt(600_000));
        c.put("wrapUpMillis", 15_000 + random.nextInt(60_000));
        turn(turns, "BOT", dutch ? "Waarmee kan ik u helpen?" : "How can I help you today?", 0);
        turn(turns, "CUSTOMER", opening, 2_000);
        turn(turns, "AGENT", pick(dutch ? Phrasebook.AGENT_NL : Phrasebook.AGENT_EN), 30_000);
      }
    }
    if (random.nextInt(20) == 0) {
      c.put("callbackRequested", true);
    }
    ObjectNode attributes = c.putObject("attributes");
    attributes.put("source", "demo");
    if (campaign != null) {
      attributes.put("campaign", campaign);
    }
    return c;
  }

  private String signature(boolean dutch) {
    // Personal data in the raw contact, so the demo shows redaction at the edge.
    int n = random.nextInt(1_000);
    return dutch
        ? "\n\nMet vriendelijke groet,\nklant" + n + "@example.nl, tel 06-1234" + String.format(Locale.ROOT, "%04d", n)
        : "\n\nKind regards,\ncustomer" + n + "@example.com";
  }

  private static void turn(ArrayNode turns, String speaker, String text, long offset) {
    ObjectNode t = turns.addObject();
    t.put("speaker", speaker);
    t.put("text", text);
    t.put("offsetMillis", offset);
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** Poisson-ish arrivals: how many contacts arrive in {@code tick} at {@code perSecond}. */
  public int arrivals(double perSecond, Duration tick) {
    double mean = perSecond * tick.toMillis() / 1000.0;
    // Knuth's method; mean is small (a few per tick).
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1.0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}

package nl.waarom.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.waarom.taxonomy.Reason;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * What customers and agents say in the insight scenario, in Dutch ({@code nl}) and English
 * ({@code en}): a reason's taxonomy example wrapped the way people talk and write (a greeting,
 * sometimes a sentence of context, hesitation on the phone, a closing), chatter that states no
 * reason, and the phrasings of the new reason no taxonomy rule knows. Stateless and thread-safe;
 * every choice comes from the caller's random source, so a seed gives the same text.
 */
public final class ScenarioTexts {
  private ScenarioTexts() {}

  /** Phrasings of the new reason ("app update deletes my settings"), per language. */
  static final List<String> NEW_REASON_NL = List.of(
      "na de update zijn mijn instellingen weg",
      "sinds de laatste update zijn mijn instellingen verdwenen",
      "door de nieuwe update ben ik al mijn instellingen kwijt",
      "na het updaten zijn al mijn voorkeuren en instellingen weg",
      "Na de laatste update zijn al mijn instellingen verdwenen",
      "sinds de update van gisteren zijn mijn instellingen gewist");
  static final List<String> NEW_REASON_EN = List.of(
      "the app update deleted my settings",
      "since the latest update all my settings have been wiped",
      "the new update erased all my preferences and settings",
      "After updating I lost all my settings",
      "your update deleted all my saved settings",
      "my settings disappeared after the update");

  private static final List<String> GREETING_NL = List.of("Goedemorgen,", "Goedemiddag,",
      "Hallo,", "Hoi,", "Goedendag,", "Dag,");
  private static final List<String> GREETING_EN = List.of("Good morning,", "Good afternoon,",
      "Hello,", "Hi,", "Hi there,", "Hey,");
  private static final List<String> EMAIL_OPENING_NL = List.of("Beste klantenservice,",
      "Geachte heer/mevrouw,", "Beste,", "Hallo,");
  private static final List<String> EMAIL_OPENING_EN = List.of("Dear customer service,",
      "Dear Sir or Madam,", "Hello,", "Hi,");
  private static final List<String> CONTEXT_NL = List.of("Ik ben al jaren klant bij jullie.",
      "Ik bel namens mijn vader.", "Ik heb niet zoveel tijd.",
      "Ik heb het al een paar keer geprobeerd.", "Mijn buurman zei dat ik jullie moest benaderen.",
      "Ik heb er gisteren ook al over gebeld.", "Het is een beetje een vervelend verhaal.");
  private static final List<String> CONTEXT_EN = List.of("I have been a customer for years.",
      "I'm getting in touch on behalf of my father.", "I don't have much time.",
      "I have tried a few times already.", "My neighbour told me to get in touch.",
      "I already got in touch about this yesterday.", "It is a bit of an annoying story.");
  private static final List<String> HESITATION_NL = List.of("Ja, eh, ", "Nou, ", "Eh, kijk, ",
      "Ja, ");
  private static final List<String> HESITATION_EN = List.of("Yeah, um, ", "So, ", "Well, ",
      "Um, ");
  private static final List<String> CLOSING_NL = List.of("Alvast bedankt.", "Kunt u mij helpen?",
      "Wat kan ik nu doen?", "Graag een reactie.", "Groetjes.");
  private static final List<String> CLOSING_EN = List.of("Thanks in advance.",
      "Can you help me?", "What can I do now?", "I look forward to your answer.", "Cheers.");
  private static final List<String> EMAIL_SIGN_OFF_NL = List.of("Met vriendelijke groet,",
      "Groeten,", "Vriendelijke groet,");
  private static final List<String> EMAIL_SIGN_OFF_EN = List.of("Kind regards,", "Best wishes,",
      "Regards,");

  private static final List<String> CHATTER_OPEN_NL = List.of(
      "ik heb een vraag", "ik wilde even iets navragen", "ik werd net gebeld door dit nummer",
      "ik wil graag iemand spreken", "zit ik hier goed", "ik heb een compliment voor de medewerker "
          + "van gisteren", "ik zag jullie reclame op tv en was benieuwd",
      "ik heb een vraag over jullie duurzaamheidsbeleid", "ik wacht al heel lang",
      "ik had net iemand aan de lijn maar de verbinding viel weg", "ik heb een algemene vraag",
      "mijn dochter heeft hier eerder contact over gehad");
  private static final List<String> CHATTER_TAIL_NL = List.of("", "", "Kunt u even kijken?",
      "Ik weet niet precies bij wie ik moet zijn.", "Het is niet dringend hoor.",
      "Hoe zit dat eigenlijk?");
  private static final List<String> CHATTER_OPEN_EN = List.of(
      "I have a question", "I just wanted to check something", "I was just called from this number",
      "I would like to speak to someone", "am I in the right place here",
      "I want to compliment the person who helped me yesterday",
      "I saw your advert on TV and was curious", "I have a question about your sustainability policy",
      "I have been waiting for ages", "I was talking to someone but we got cut off",
      "I have a general question", "my daughter talked to you about this before");
  private static final List<String> CHATTER_TAIL_EN = List.of("", "", "Could you have a look?",
      "I'm not sure who I should talk to.", "It's not urgent.", "How does that work?");

  private static final List<String> AGENT_OPEN_NL = List.of(
      "Goedemiddag, u spreekt met de klantenservice, waarmee kan ik u helpen?",
      "Goedemorgen, waarmee kan ik u van dienst zijn?", "Klantenservice, goedendag.");
  private static final List<String> AGENT_OPEN_EN = List.of(
      "Good afternoon, customer service speaking, how can I help you?",
      "Good morning, how can I help?", "Customer service, hello.");
  private static final List<String> BOT_OPEN_NL = List.of("Welkom bij de chat! Waarmee kunnen we "
      + "je helpen?", "Hoi! Stel je vraag, een medewerker komt zo bij je.");
  private static final List<String> BOT_OPEN_EN = List.of("Welcome to our chat! What can we help "
      + "you with?", "Hi! Ask your question, an agent will be with you shortly.");
  private static final List<String> AGENT_CLOSE_NL = List.of("Ik kijk het even voor u na.",
      "Een ogenblikje, ik zoek het voor u uit.", "Dank u wel, ik ga ermee aan de slag.");
  private static final List<String> AGENT_CLOSE_EN = List.of("Let me look into that for you.",
      "One moment please, I'll check for you.", "Thank you, I'll get on it.");
  private static final List<String> SUBJECT_NL = List.of("Vraag", "Uw bericht", "Hulp gevraagd",
      "Mijn situatie", "Verzoek");
  private static final List<String> SUBJECT_EN = List.of("Question", "Your message", "Help needed",
      "My situation", "Request");

  /**
   * The customer's own words for a reason: one of its examples in {@code language} (any example
   * when it has none in that language), wrapped for the channel, with {@code phrase} (an
   * incident's telltale sentence) added when not null.
   */
  static String reasonText(Reason reason, String language, Channel channel, String phrase,
      SplittableRandom random) {
    List<String> examples = reason.examples(language);
    if (examples.isEmpty()) {
      examples = reason.examples();
    }
    return wrap(pick(examples, random), language, channel, phrase, random);
  }

  /** A sentence of the new reason, wrapped for the channel. */
  static String newReasonText(String language, Channel channel, SplittableRandom random) {
    return wrap(pick(nl(language) ? NEW_REASON_NL : NEW_REASON_EN, random), language, channel,
        null, random);
  }

  /** Words that state no reason: a vague opening and sometimes a vague follow-up. */
  static String chatterText(String language, Channel channel, SplittableRandom random) {
    boolean nl = nl(language);
    String core = pick(nl ? CHATTER_OPEN_NL : CHATTER_OPEN_EN, random);
    String tail = pick(nl ? CHATTER_TAIL_NL : CHATTER_TAIL_EN, random);
    String text = capitalise(core) + (random.nextInt(3) == 0 ? "?" : ".")
        + (tail.isEmpty() ? "" : " " + tail);
    if (random.nextInt(2) == 0) {
      text = pick(nl ? GREETING_NL : GREETING_EN, random) + " " + lowerFirst(text);
    }
    return text;
  }

  private static String wrap(String example, String language, Channel channel, String phrase,
      SplittableRandom random) {
    boolean nl = nl(language);
    String core = example.strip();
    if (random.nextInt(3) == 0) {
      core = core.toLowerCase(Locale.ROOT);
    }
    core = core.replaceAll("[.?!]+$", "");
    core += random.nextInt(4) == 0 ? "?" : random.nextInt(5) == 0 ? "" : ".";
    List<String> parts = new ArrayList<>();
    if (channel == Channel.CALL && random.nextInt(2) == 0) {
      core = pick(nl ? HESITATION_NL : HESITATION_EN, random) + lowerFirst(core);
    } else if (channel != Channel.EMAIL && random.nextInt(2) == 0) {
      core = pick(nl ? GREETING_NL : GREETING_EN, random) + " " + lowerFirst(core);
    } else {
      core = capitalise(core);
    }
    String context = random.nextInt(4) == 0 ? pick(nl ? CONTEXT_NL : CONTEXT_EN, random) : null;
    boolean contextFirst = random.nextBoolean();
    if (context != null && contextFirst) {
      parts.add(context);
    }
    parts.add(core);
    if (phrase != null) {
      parts.add(capitalise(phrase) + ".");
    }
    if (context != null && !contextFirst) {
      parts.add(context);
    }
    if (random.nextInt(3) == 0) {
      parts.add(pick(nl ? CLOSING_NL : CLOSING_EN, random));
    }
    return String.join(" ", parts);
  }

  /**
   * The turns of one contact around the customer's words: a call has an agent opening and a
   * follow-up, a chat a bot greeting, an email the customer's message with an opening and a
   * sign-off.
   */
  static List<Turn> turns(String customerText, String language, Channel channel,
      SplittableRandom random) {
    boolean nl = nl(language);
    List<Turn> turns = new ArrayList<>();
    switch (channel) {
      case CALL -> {
        turns.add(new Turn(Speaker.AGENT, pick(nl ? AGENT_OPEN_NL : AGENT_OPEN_EN, random), 0L));
        turns.add(new Turn(Speaker.CUSTOMER, customerText, 4_000L + random.nextInt(4_000)));
        turns.add(new Turn(Speaker.AGENT, pick(nl ? AGENT_CLOSE_NL : AGENT_CLOSE_EN, random),
            15_000L + random.nextInt(20_000)));
      }
      case CHAT -> {
        turns.add(new Turn(Speaker.BOT, pick(nl ? BOT_OPEN_NL : BOT_OPEN_EN, random), 0L));
        turns.add(new Turn(Speaker.CUSTOMER, customerText, 10_000L + random.nextInt(50_000)));
        turns.add(new Turn(Speaker.AGENT, pick(nl ? AGENT_CLOSE_NL : AGENT_CLOSE_EN, random),
            60_000L + random.nextInt(120_000)));
      }
      default -> turns.add(new Turn(Speaker.CUSTOMER, pick(nl ? EMAIL_OPENING_NL
          : EMAIL_OPENING_EN, random) + "\n\n" + customerText + "\n\n"
          + pick(nl ? EMAIL_SIGN_OFF_NL : EMAIL_SIGN_OFF_EN, random), 0L));
    }
    return turns;
  }

  /** An email subject that names no reason (people rarely write a useful one). */
  static String subject(String language, SplittableRandom random) {
    return pick(nl(language) ? SUBJECT_NL : SUBJECT_EN, random);
  }

  private static boolean nl(String language) {
    return !"en".equals(language);
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
        && !s.startsWith("I ") && !s.startsWith("I'")) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  static <T> T pick(List<T> list, SplittableRandom random) {
    return list.get(random.nextInt(list.size()));
  }
}

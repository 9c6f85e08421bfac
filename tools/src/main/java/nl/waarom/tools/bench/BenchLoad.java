package nl.waarom.tools.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.LocalizedName;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * The load of the classification benchmark: the default taxonomy plus synthetic rules of the
 * kinds taxonomies use, and synthetic contacts of about 2 KB built from the taxonomy's examples
 * and everyday small talk. Deterministic for a seed.
 */
public final class BenchLoad {
  private BenchLoad() {}

  /** The default taxonomy plus {@code extraRules} rules in 5-rule reasons under one group. */
  public static Taxonomy withExtraRules(int extraRules, long seed) {
    Taxonomy base = TaxonomyLoader.loadDefault(RuleParser.check());
    List<String> words = vocabulary(base);
    Random random = new Random(seed);
    List<Reason> reasons = new ArrayList<>(base.reasons());
    if (extraRules > 0) {
      reasons.add(new Reason("bench", new LocalizedName("bench", "bench"), null,
          nl.waarom.schemas.Preventability.ASSIST, "bench", List.of(), List.of()));
    }
    for (int i = 0; i * 5 < extraRules; i++) {
      List<String> rules = new ArrayList<>();
      for (int j = 0; j < 5 && i * 5 + j < extraRules; j++) {
        rules.add(rule(words, random));
      }
      reasons.add(new Reason("bench-" + i, new LocalizedName("b", "b"), "bench",
          nl.waarom.schemas.Preventability.ASSIST, "bench", rules, List.of()));
    }
    return new Taxonomy(base.version() + "+bench", reasons);
  }

  /** Selective rules of the kinds taxonomies use: phrases, proximity, AND, speaker fields. */
  private static String rule(List<String> words, Random random) {
    String a = pick(words, random);
    String b = pick(words, random);
    String c = pick(words, random);
    return switch (random.nextInt(5)) {
      case 0 -> "\"" + a + " " + b + "\"";
      case 1 -> "\"" + a + " " + b + "\"~3";
      case 2 -> a + " AND " + b + " AND " + c;
      case 3 -> "fn:maxgaps(2 fn:ordered(" + a + " " + b + "))";
      default -> "customer:(" + a + " AND \"" + b + " " + c + "\"~2)";
    };
  }

  private static final List<String> SMALL_TALK_NL = List.of(
      "Goedemorgen, u spreekt met de klantenservice, waarmee kan ik u helpen?",
      "Mag ik voor de controle uw postcode en huisnummer?", "Een ogenblikje, ik kijk even mee.",
      "Dank u wel voor uw geduld.", "Ja, dat klopt, dat zie ik hier ook staan.",
      "Kan ik verder nog ergens mee helpen?", "Nee, dat was het, bedankt en een fijne dag.",
      "Ik zet het even voor u in het systeem.", "U ontvangt zo een bevestiging per mail.",
      "Oké, ik begrijp het, dan weet ik genoeg.");
  private static final List<String> SMALL_TALK_EN = List.of(
      "Good morning, you are speaking with customer service, how can I help you?",
      "Could I have your postcode and house number to check your details?",
      "One moment please, let me have a look.", "Thank you for your patience.",
      "Yes, that's right, I can see that here as well.", "Is there anything else I can help with?",
      "No, that was all, thanks and have a nice day.", "I'm putting that in the system for you.",
      "You will receive a confirmation by email shortly.", "Okay, I understand, that's all I need.");

  /**
   * Contacts of about {@code bytes} characters, as a real conversation goes: the customer states
   * a reason (a taxonomy example) in the first turn, sometimes a second one later, and the rest
   * is the verification, waiting and small talk of any contact. A quarter state no language.
   */
  public static List<Contact> contacts(int count, int bytes, long seed) {
    Taxonomy base = TaxonomyLoader.loadDefault(RuleParser.check());
    List<Example> examples = base.reasons().stream().flatMap(r -> r.labelledExamples().stream())
        .toList();
    Random random = new Random(seed);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String language = random.nextBoolean() ? "nl" : "en";
      List<Example> pool = examples.stream().filter(e -> language.equals(e.language())).toList();
      List<String> talk = language.equals("nl") ? SMALL_TALK_NL : SMALL_TALK_EN;
      List<Turn> turns = new ArrayList<>();
      int size = 0;
      for (int t = 0; size < bytes; t++) {
        String text = t == 1 || t == 5 && random.nextInt(3) == 0
            ? pool.get(random.nextInt(pool.size())).text() + ". " + pick(talk, random)
            : pick(talk, random) + " " + pick(talk, random);
        turns.add(new Turn(t % 2 == 1 ? Speaker.CUSTOMER : Speaker.AGENT, text, t * 15_000L));
        size += text.length();
      }
      contacts.add(Contact.newBuilder().setContactId("bench-" + i)
          .setChannel(Channel.values()[i % 3]).setOccurredAt(Instant.EPOCH)
          .setLanguage(i % 4 == 0 ? null : language).setTurns(turns).build());
    }
    return contacts;
  }

  private static List<String> vocabulary(Taxonomy taxonomy) {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    taxonomy.reasons().forEach(r -> r.examples().forEach(e -> Arrays.stream(
        e.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).filter(w -> w.length() > 3)
        .forEach(words::add)));
    return List.copyOf(words);
  }

  private static String pick(List<String> words, Random random) {
    return words.get(random.nextInt(words.size()));
  }
}

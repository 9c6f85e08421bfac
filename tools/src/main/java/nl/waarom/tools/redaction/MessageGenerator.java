package nl.waarom.tools.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import nl.waarom.ingest.privacy.PiiType;

/**
 * Generates realistic Dutch and English customer messages with planted personal data of every
 * {@link PiiType} (valid checksums, varied notations) and planted near-misses (amounts, dates,
 * times, order numbers, percentages, IBANs/BSNs/cards with wrong checksums, phone-like numbers
 * that are not phone numbers, version numbers), recording where each was planted. Deterministic
 * for a seed; not thread-safe.
 */
final class MessageGenerator {
  private static final List<String> FILLER = List.of(
      "Ik heb een vraag over mijn laatste factuur.", "Mijn pakket is nog steeds niet bezorgd.",
      "De app crasht elke keer als ik inlog.", "Waarom is mijn abonnement zo duur geworden?",
      "I would like to cancel my subscription.", "The delivery was late again.",
      "Kunnen jullie mij vandaag nog terugbellen?", "Ik ben erg ontevreden over de service.",
      "My refund has not arrived yet.", "Het wachtwoord resetten lukt niet.");
  /**
   * The kinds it plants: those with a checksum or a fixed shape, and names. Addresses, dates of
   * birth, plates and document numbers are measured on the hand-annotated set only.
   */
  static final List<PiiType> GENERATED_TYPES = List.of(PiiType.EMAIL, PiiType.PHONE,
      PiiType.IBAN, PiiType.BSN, PiiType.POSTCODE, PiiType.CARD, PiiType.NAME);
  private static final Map<PiiType, List<String>> PII_TEMPLATES = Map.of(
      PiiType.EMAIL, List.of("Mijn e-mailadres is {}.", "Stuur de bevestiging naar {} aub.",
          "You can reach me at {}", "mail: {}"),
      PiiType.PHONE, List.of("Bel me terug op {}.", "Mijn nummer is {}", "Call me on {} after 5pm.",
          "tel. {}"),
      PiiType.IBAN, List.of("Mijn rekeningnummer is {}.", "Graag terugstorten op {}",
          "Please refund to {} asap.", "IBAN: {}"),
      PiiType.BSN, List.of("Mijn BSN is {}.", "burgerservicenummer: {}",
          "BSN {} staat op het formulier", "My citizen service number (BSN) is {}.",
          "sofinummer {}", "Ik heb {} als BSN opgegeven."),
      PiiType.POSTCODE, List.of("Ik woon op {}.", "Het adres is {}", "Deliver to {} please.",
          "Nieuw adres: {}"),
      PiiType.CARD, List.of("Ik heb betaald met kaart {}.", "Creditcard {} is twee keer belast",
          "My card number is {}.", "kaartnummer {}"),
      PiiType.NAME, List.of("Met vriendelijke groet, {}", "Hoi, ik ben {}.", "{} here, about my order.",
          "Groetjes {}"));
  private static final List<String> NEAR_MISS_TEMPLATES = List.of("Het gaat om {}.",
      "Zie {} in de mail", "It says {} on the screen.", "{} klopt niet", "Regarding {}, please check.");

  private final Random random;
  private final PiiValues values;
  private final Map<String, Supplier<String>> nearMisses;

  MessageGenerator(long seed) {
    this.random = new Random(seed);
    this.values = new PiiValues(random);
    this.nearMisses = Map.of(
        "amount", () -> values.pick(List.of("€ " + (1 + random.nextInt(9)) + "." + values.digits(3)
            + "," + values.digits(2), "€" + random.nextInt(100) + "," + values.digits(2),
            random.nextInt(100) + "." + values.digits(2), "EUR " + random.nextInt(1000) + ",00",
            "€ " + values.nonZero() + values.digits(2) + "." + values.digits(3) + "."
                + values.digits(3))),
        "date", () -> {
          int d = 1 + random.nextInt(28);
          int m = 1 + random.nextInt(12);
          int y = 2020 + random.nextInt(7);
          return values.pick(List.of(String.format("%02d-%02d-%d", d, m, y),
              String.format("%d-%02d-%02d", y, m, d), String.format("%02d/%02d/%d", d, m, y),
              String.format("%d-%d-%d", d, m, y), String.format("%02d.%02d.%d", d, m, y)));
        },
        "time", () -> String.format("%02d:%02d", random.nextInt(24), random.nextInt(60))
            + (random.nextBoolean() ? String.format(":%02d", random.nextInt(60)) : ""),
        "order_number", () -> values.pick(List.of("ORD-" + values.digits(6),
            "order " + values.nonZero() + values.digits(7 + random.nextInt(3)),
            "bestelnummer " + values.invalidBsn(), "ticket #" + values.digits(6))),
        "percentage", () -> values.pick(List.of(random.nextInt(100) + "%",
            random.nextInt(10) + "," + random.nextInt(10) + " %", random.nextInt(30) + ".5%")),
        "invalid_iban", values::invalidIban,
        "invalid_bsn", () -> "BSN " + values.invalidBsn(),
        "invalid_card", values::invalidCard,
        "phone_like", () -> values.pick(List.of("06-" + values.digits(7), "+31 6 " + values.digits(2),
            "klantnummer 0" + values.nonZero() + values.digits(5), "0800-" + values.digits(4))),
        "version", () -> random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50));
  }

  List<GeneratedMessage> generate(int count) {
    List<GeneratedMessage> messages = new ArrayList<>(count);
    List<PiiType> types = GENERATED_TYPES;
    List<String> kinds = nearMisses.keySet().stream().sorted().toList();
    for (int i = 0; i < count; i++) {
      messages.add(message(types.get(i % types.size()), types.get(random.nextInt(types.size())),
          kinds.get(i % kinds.size()), kinds.get(random.nextInt(kinds.size()))));
    }
    return messages;
  }

  private GeneratedMessage message(PiiType first, PiiType second, String kind1, String kind2) {
    String name = values.name();
    List<Runnable> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Planted> planted = new ArrayList<>();
    parts.add(() -> sentence(text, values.pick(FILLER)));
    parts.add(() -> plant(text, planted, values.pick(PII_TEMPLATES.get(first)), first,
        value(first, name), null));
    if (second != first) {
      parts.add(() -> plant(text, planted, values.pick(PII_TEMPLATES.get(second)), second,
          value(second, name), null));
    }
    parts.add(() -> plant(text, planted, values.pick(NEAR_MISS_TEMPLATES), null,
        nearMisses.get(kind1).get(), kind1));
    parts.add(() -> plant(text, planted, values.pick(NEAR_MISS_TEMPLATES), null,
        nearMisses.get(kind2).get(), kind2));
    Collections.shuffle(parts, random);
    parts.forEach(Runnable::run);
    return new GeneratedMessage(text.toString(), name, List.copyOf(planted));
  }

  private String value(PiiType type, String name) {
    return switch (type) {
      case EMAIL -> values.email(name);
      case PHONE -> values.phone();
      case IBAN -> values.iban();
      case BSN -> values.bsn();
      case POSTCODE -> values.postcode();
      case CARD -> values.card();
      case NAME -> random.nextBoolean() ? name : name.substring(0, name.indexOf(' '));
      default -> throw new IllegalArgumentException("not generated: " + type);
    };
  }

  /**
   * Starts a new sentence: after a space when the previous one ended with punctuation, else on a
   * new line, as people write; two numbers are never just glued by a space across sentences.
   */
  private static void sentence(StringBuilder text, String s) {
    if (!text.isEmpty()) {
      char last = text.charAt(text.length() - 1);
      text.append(last == '.' || last == '!' || last == '?' ? ' ' : '\n');
    }
    text.append(s);
  }

  private static void plant(StringBuilder text, List<Planted> planted, String template,
      PiiType type, String value, String kind) {
    sentence(text, "");
    int slot = template.indexOf("{}");
    text.append(template, 0, slot);
    int start = text.length();
    text.append(value);
    planted.add(new Planted(start, text.length(), type, type == null ? kind : type.tag()));
    text.append(template, slot + 2, template.length());
  }
}

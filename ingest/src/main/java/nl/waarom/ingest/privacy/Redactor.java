package nl.waarom.ingest.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces personal data in free text by typed placeholders ({@link PiiType#placeholder()}) before
 * a contact leaves the edge:
 *
 * <ul>
 *   <li>{@code [EMAIL]} e-mail addresses;
 *   <li>{@code [IBAN]} IBANs of any country whose ISO 7064 mod-97 checksum is valid, compact or in
 *       groups of four;
 *   <li>{@code [CARD]} payment card numbers: 13-19 digits, optionally grouped by spaces or
 *       hyphens, Luhn-valid and in a major issuer range;
 *   <li>{@code [POSTCODE]} a Dutch postcode ({@code 1234 AB}, {@code 1234AB}) together with the
 *       house number and street when they are written next to it ({@code Dorpsstraat 12, 1234 AB},
 *       {@code 1234AB 12});
 *   <li>{@code [PHONE]} international numbers ({@code +31 6 1234 5678}, {@code 0031 20 ...},
 *       {@code +1 (202) 555-0143}, 9-15 digits after the exit code) and Dutch national numbers of
 *       exactly ten digits ({@code 06-12345678}, {@code 020 123 4567}, {@code (020) 1234567});
 *   <li>{@code [BSN]} nine digits ({@code 123456782}, {@code 1234.56.782}, {@code 123 456 782})
 *       passing the eleven-test. Context is tolerated both ways: after the words BSN,
 *       burgerservicenummer or sofinummer an eight-digit number (leading zero dropped) and the
 *       dotted 3-3-3 notation also count; right after order, factuur, ticket, klantnummer,
 *       referentie and similar words a number is an order or reference number, never a BSN;
 *   <li>{@code [NAME]} names the source marks as the customer's (e.g. a webhook's author name):
 *       every occurrence of the whole name, case-insensitive, and of each of its capitalised parts
 *       of two letters or more (not particles like "van", "de"), as written; and any other name
 *       found from the words around it and the name lists ({@link NameFinder});
 *   <li>{@code [ADDRESS]}, {@code [BIRTH_DATE]}, {@code [PLATE]}, {@code [ID_NUMBER]}, and
 *       e-mail addresses read out and phone numbers in foreign formats: {@link ContextRules}.
 * </ul>
 *
 * <p>Every rule is a permissive pattern plus a precise check, so amounts ({@code € 1.234,56},
 * {@code 12.50}), dates that are no birth dates ({@code 12-03-2025}, {@code 2025-03-12}), times,
 * percentages and order numbers ({@code ORD-123456}, numbers failing the checksums) stay: the
 * classifier needs them. When a candidate fails its check, shorter candidates ending before a
 * space or hyphen are tried. Rules claim text in a fixed order ({@link PiiRules#RULES}, then the
 * customer's names, then names found from context) on the original text; a later rule never
 * matches inside a claimed span.
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {
  public static final String EMAIL = PiiType.EMAIL.placeholder();
  public static final String IBAN = PiiType.IBAN.placeholder();
  public static final String PHONE = PiiType.PHONE.placeholder();

  private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ter",
      "ten", "te", "op", "in", "von", "da", "di", "du", "le", "la", "el", "al", "bin", "mc");

  /** The text with every recognised item replaced; null for null. */
  public String redact(String text) {
    return redact(text, List.of()).text();
  }

  /**
   * Redacts the text and reports what was replaced.
   *
   * @param text may be null (gives a null text and no spans)
   * @param customerNames names the source marks as the customer's; blank entries are ignored;
   *     never null
   */
  public Redaction redact(String text, Collection<String> customerNames) {
    if (text == null || text.isEmpty()) {
      return new Redaction(text, List.of());
    }
    List<PiiSpan> spans = find(text, customerNames);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (PiiSpan s : spans) {
      out.append(text, copied, s.start()).append(s.type().placeholder());
      copied = s.end();
    }
    return new Redaction(out.append(text, copied, text.length()).toString(), spans);
  }

  /** The spans of personal data in the original text, in text order, never overlapping. */
  public List<PiiSpan> find(String text, Collection<String> customerNames) {
    boolean[] claimed = new boolean[text.length()];
    List<PiiSpan> spans = new ArrayList<>();
    boolean hasDigit = text.chars().anyMatch(c -> c >= '0' && c <= '9');
    for (PiiRules.Rule rule : PiiRules.RULES) {
      if (!rule.cannotMatch(text, hasDigit)) {
        apply(rule, text, claimed, spans);
      }
    }
    for (Pattern name : namePatterns(customerNames)) {
      apply(new PiiRules.Rule(name, (t, s, c) -> true, PiiType.NAME), text, claimed, spans);
    }
    new NameFinder(Gazetteers.get()).find(text, claimed, spans);
    spans.sort(Comparator.comparingInt(PiiSpan::start));
    return spans;
  }

  private static void apply(PiiRules.Rule rule, String text, boolean[] claimed,
      List<PiiSpan> spans) {
    Matcher m = rule.pattern().matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String accepted = longestAccepted(text, m.start(), m.group(), rule.check());
      if (accepted == null || isClaimed(claimed, m.start(), m.start() + accepted.length())) {
        if (accepted == null && !isClaimed(claimed, m.start(), m.end())
            && rule.guards().accept(text, m.start(), m.group())) {
          claim(claimed, m.start(), m.end());
          from = m.end();
        } else {
          from = m.start() + 1;
        }
        continue;
      }
      int end = m.start() + accepted.length();
      claim(claimed, m.start(), end);
      spans.add(new PiiSpan(m.start(), end, rule.type()));
      from = end;
    }
  }

  private static void claim(boolean[] claimed, int start, int end) {
    for (int i = start; i < end; i++) {
      claimed[i] = true;
    }
  }

  private static boolean isClaimed(boolean[] claimed, int start, int end) {
    for (int i = start; i < end; i++) {
      if (claimed[i]) {
        return true;
      }
    }
    return false;
  }

  /** The candidate, or its longest prefix ending before a space or hyphen, that passes; may be null. */
  private static String longestAccepted(String text, int start, String candidate,
      PiiRules.Check check) {
    String c = candidate;
    while (!c.isEmpty()) {
      if (check.accept(text, start, c)) {
        return c;
      }
      int cut = Math.max(c.lastIndexOf(' '), c.lastIndexOf('-'));
      if (cut <= 0) {
        return null;
      }
      c = c.substring(0, cut).stripTrailing();
      if (c.endsWith(",")) {
        c = c.substring(0, c.length() - 1);
      }
    }
    return null;
  }

  /** Whole names first (longest first), then their capitalised parts. */
  private static List<Pattern> namePatterns(Collection<String> names) {
    List<String> whole = names.stream().filter(n -> n != null && !n.isBlank())
        .map(n -> n.strip().replaceAll("\\s+", " ")).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    List<Pattern> patterns = new ArrayList<>();
    for (String name : whole) {
      patterns.add(Pattern.compile(bounded(Pattern.quote(name).replace(" ", "\\E\\s+\\Q")),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    String parts = whole.stream().flatMap(n -> List.of(n.split("[\\s]+")).stream())
        .map(p -> p.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", ""))
        .filter(p -> p.length() >= 2 && Character.isUpperCase(p.charAt(0))
            && !PARTICLES.contains(p.toLowerCase(Locale.ROOT)))
        .distinct().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    if (!parts.isEmpty()) {
      patterns.add(Pattern.compile(bounded("(?:" + parts + ")")));
    }
    return patterns;
  }

  private static String bounded(String regex) {
    return "(?<![\\p{L}\\d])" + regex + "(?![\\p{L}\\d])";
  }
}

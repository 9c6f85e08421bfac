package nl.waarom.sink.backlog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.waarom.sink.db.BatchWriter;
import nl.waarom.sink.db.InsightRow;

/**
 * Which backlog item an insight belongs to, and that item's title. There is one item per (kind,
 * reason); an insight without a reason (an emerging reason) is keyed by its two strongest
 * candidate terms instead (the first two, as the analyzer orders them), lower-cased and sorted, so
 * the same new reason found again with a slightly different tail of phrases folds into the same
 * item, and the same terms in another order find it too.
 *
 * <p>The id is deterministic and readable: {@code spike.payment-problem},
 * {@code emerging-reason.blocked_pin-code}. Parts are slugs (lower-case ASCII letters and digits,
 * other runs become {@code -}, accents are stripped), so the id is safe in an HTML id and a URL.
 *
 * @param itemId never null
 * @param title never null, e.g. {@code Spike: payment-problem}
 */
public record BacklogKey(String itemId, String title) {
  private static final String NO_SUBJECT = "unknown";
  /** How many of an emerging reason's strongest terms make its key. */
  static final int KEY_TERMS = 2;

  public BacklogKey {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
  }

  /**
   * Derives the key of an insight.
   *
   * @param kind insight kind symbol, e.g. {@code SPIKE}; never null
   * @param reasonId may be null or blank
   * @param candidateTerms never null, may be empty
   */
  public static BacklogKey of(String kind, String reasonId, List<String> candidateTerms) {
    return of(kind, reasonId, candidateTerms, null);
  }

  /**
   * Derives the key of an insight whose reason has a display name: the title uses the name
   * ({@code Spike: Payment problem}), the id stays the reason id's slug.
   *
   * @param reasonName display name of the reason, or the title of an emerging reason; may be null
   */
  public static BacklogKey of(String kind, String reasonId, List<String> candidateTerms,
      String reasonName) {
    String named = reasonName == null || reasonName.isBlank() ? null : reasonName.strip();
    String kindSlug = slug(kind);
    String label = kindLabel(kind);
    if (reasonId != null && !reasonId.isBlank()) {
      return new BacklogKey(kindSlug + "." + orUnknown(slug(reasonId)), label + ": " + (named == null ? reasonId.strip() : named));
    }
    List<String> terms = normalisedTerms(candidateTerms.stream().filter(Objects::nonNull)
        .filter(t -> !t.isBlank()).limit(KEY_TERMS).toList());
    if (terms.isEmpty()) {
      return new BacklogKey(kindSlug + "." + NO_SUBJECT, label + ": " + NO_SUBJECT);
    }
    String subject = terms.stream().map(BacklogKey::slug).filter(s -> !s.isEmpty())
        .collect(Collectors.joining("_"));
    return new BacklogKey(kindSlug + "." + orUnknown(subject),
        label + ": " + (named == null ? String.join(", ", terms) : named));
  }

  /**
   * The backlog item a stored insight is recorded on: its key, and the reason, or for an item
   * without a reason all of the insight's candidate terms, normalised.
   */
  public static BatchWriter.ItemKey itemOf(InsightRow row) {
    BacklogKey key = of(row.kind(), row.reasonId(), row.candidateTerms(),
        row.details().reasonName());
    boolean hasReason = row.reasonId() != null && !row.reasonId().isBlank();
    return new BatchWriter.ItemKey(key.itemId(), key.title(), hasReason ? row.reasonId() : null,
        hasReason ? List.of() : normalisedTerms(row.candidateTerms()));
  }

  /** Lower-cased, trimmed, distinct, sorted, blanks dropped. */
  static List<String> normalisedTerms(List<String> terms) {
    return terms.stream().filter(Objects::nonNull).map(t -> t.strip().toLowerCase(Locale.ROOT))
        .filter(t -> !t.isEmpty()).distinct().sorted().toList();
  }

  /** {@code EMERGING_REASON} becomes {@code Emerging reason}. */
  static String kindLabel(String kind) {
    String words = kind.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    if (words.isEmpty()) {
      return "Item";
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** Lower-case ASCII letters and digits; other runs become one {@code -}; may return "". */
  static String slug(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  private static String orUnknown(String slug) {
    return slug.isEmpty() ? NO_SUBJECT : slug;
  }
}

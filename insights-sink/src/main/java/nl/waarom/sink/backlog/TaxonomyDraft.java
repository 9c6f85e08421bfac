package nl.waarom.sink.backlog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.taxonomy.TaxonomyWriter;

/**
 * The taxonomy entry an emerging reason would become when the team promotes it: an item of the
 * {@code reasons:} list in the format of {@code docs/taxonomy.md}, written by the taxonomy's own
 * {@link TaxonomyWriter} (so it has the format the taxonomy loader reads), with the analyzer's
 * drafted rule and the insight's (redacted) example snippets, for review and pasting into the taxonomy file. Names, owner and
 * preventability are the team's decision: the draft marks them {@value TaxonomyWriter#TODO} so the
 * taxonomy loader refuses the entry until they are filled in (it never guesses).
 */
public final class TaxonomyDraft {
  private static final int MAX_EXAMPLES = 8;

  private TaxonomyDraft() {}

  /** The YAML for one reason entry (an item of the {@code reasons:} list), after a comment. */
  public static String yaml(BacklogItem item) {
    InsightRow latest = item.latestInsight();
    return "# Drafted by Waarom from backlog item " + item.itemId() + " (" + latest.count()
        + " unexplained contacts).\n"
        + "# Review the rule, name the reason, choose owner and preventability ("
        + "prevent, self-service, automate or assist), then add it\n"
        + "# to your taxonomy file and change its version.\n"
        + TaxonomyWriter.entries(List.of(entry(item)));
  }

  /**
   * The drafted entry itself: the analyzer's drafted rule and the insight's example snippets, with
   * {@value TaxonomyWriter#TODO} names (followed by the suggested name), owner and preventability.
   */
  public static TaxonomyWriter.Entry entry(BacklogItem item) {
    InsightRow latest = item.latestInsight();
    String title = latest.details().reasonName() != null ? latest.details().reasonName()
        : String.join(" · ", latest.candidateTerms());
    String rule = latest.details().draftedRule() == null ? null
        : latest.details().draftedRule().replace("\n", " ");
    List<String> snippets = latest.examples().stream().map(ExampleRow::snippet)
        .filter(s -> s != null && !s.isBlank()).map(s -> s.replace("\n", " "))
        .limit(MAX_EXAMPLES).toList();
    return TaxonomyWriter.Entry.draft(id(latest.candidateTerms()), title,
        rule == null ? List.of() : List.of(rule), snippets);
  }

  /** A kebab-case id from the first two phrases, e.g. {@code app-update-settings}. */
  static String id(List<String> terms) {
    String joined = String.join(" ", terms.stream().limit(2).toList());
    String plain = Normalizer.normalize(joined, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String id = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "new-reason" : id;
  }
}

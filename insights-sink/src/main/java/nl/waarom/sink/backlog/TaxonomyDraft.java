package nl.waarom.sink.backlog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.InsightRow;

/**
 * The taxonomy entry an emerging reason would become when the team promotes it: YAML in the
 * format of {@code docs/taxonomy.md}, with the analyzer's drafted rule and the insight's
 * (redacted) example snippets, for review and pasting into the taxonomy file. Names, owner and
 * preventability are the team's decision: the draft marks them {@code TODO} so the taxonomy
 * loader rejects the entry until they are filled in (it never guesses).
 */
public final class TaxonomyDraft {
  private TaxonomyDraft() {}

  /** The YAML for one reason entry (an item of the {@code reasons:} list). */
  public static String yaml(BacklogItem item) {
    InsightRow latest = item.latestInsight();
    String title = latest.details().reasonName() != null ? latest.details().reasonName()
        : String.join(" · ", latest.candidateTerms());
    StringBuilder y = new StringBuilder();
    y.append("# Drafted by Waarom from backlog item ").append(item.itemId())
        .append(" (").append(latest.count()).append(" unexplained contacts).\n")
        .append("# Review the rule, name the reason, choose owner and preventability, then add it\n")
        .append("# to your taxonomy file and change its version.\n")
        .append("  - id: ").append(id(latest.candidateTerms())).append('\n')
        .append("    name: {nl: ").append(quote("TODO " + title)).append(", en: ")
        .append(quote("TODO " + title)).append("}\n")
        .append("    preventability: TODO   # prevent, self-service, automate or assist\n")
        .append("    owner: TODO\n");
    if (latest.details().draftedRule() != null) {
      y.append("    rules:\n      - ").append(quote(latest.details().draftedRule())).append('\n');
    }
    List<String> snippets = latest.examples().stream().map(ExampleRow::snippet)
        .filter(s -> s != null && !s.isBlank()).limit(8).toList();
    if (!snippets.isEmpty()) {
      y.append("    examples:\n");
      for (String s : snippets) {
        y.append("      - ").append(quote(s)).append('\n');
      }
    }
    return y.toString();
  }

  /** A kebab-case id from the first two phrases, e.g. {@code app-update-settings}. */
  static String id(List<String> terms) {
    String joined = String.join(" ", terms.stream().limit(2).toList());
    String plain = Normalizer.normalize(joined, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String id = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "new-reason" : id;
  }

  /** A single-quoted YAML scalar ('' escapes a quote). */
  static String quote(String s) {
    return "'" + s.replace("'", "''").replace("\n", " ") + "'";
  }
}

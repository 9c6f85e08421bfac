package nl.waarom.sink.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.sink.backlog.TaxonomyDraft;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.Json;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyWriter;

/**
 * The taxonomy a promotion would lead to: the taxonomy in force plus the reason drafted from an
 * emerging-reason item ({@link TaxonomyDraft#entry}), with its drafted rule and example snippets.
 * The draft's undecided fields are filled so that it loads: both names become the suggested name,
 * the preventability {@value #PREVENTABILITY} and the owner {@value #OWNER} (neither decides a
 * reason). Written by
 * the taxonomy's own writer and parsed as the analyzer parses a document.
 *
 * @param inForce the document in force; never null
 * @param candidate the document with the drafted reason; never null
 * @param reasonId the drafted reason's id in {@code candidate} (made unique); never null
 * @param rules the drafted rules; never null
 */
public record DraftCandidate(TaxonomyDocument inForce, TaxonomyDocument candidate,
    String reasonId, List<String> rules) {
  static final String PREVENTABILITY = "assist";
  static final String OWNER = "undecided";

  /**
   * @param version the version in force
   * @param yaml its document as the analyzer published it
   * @throws nl.waarom.taxonomy.TaxonomyException when the document in force or the drafted rule
   *     does not load
   */
  public static DraftCandidate of(String version, String yaml, BacklogItem item) {
    TaxonomyDocument inForce = new TaxonomyDocument("taxonomy " + version, yaml);
    Taxonomy taxonomy = inForce.parse();
    TaxonomyWriter.Entry draft = TaxonomyDraft.entry(item);
    Set<String> ids = taxonomy.reasons().stream().map(Reason::id).collect(Collectors.toSet());
    String id = draft.id();
    for (int n = 2; ids.contains(id); n++) {
      id = draft.id() + "-" + n;
    }
    String name = draft.nameEn().startsWith(TaxonomyWriter.TODO)
        ? draft.nameEn().substring(TaxonomyWriter.TODO.length()).strip() : draft.nameEn();
    if (name.isEmpty()) {
      name = id;
    }
    List<TaxonomyWriter.Entry> entries = new ArrayList<>(taxonomy.reasons().stream()
        .map(TaxonomyWriter.Entry::of).toList());
    entries.add(new TaxonomyWriter.Entry(id, name, name, null, PREVENTABILITY, OWNER,
        draft.rules(), draft.examples()));
    String text = "version: " + quoted(taxonomy.version() + "+" + id) + "\nreasons:\n"
        + TaxonomyWriter.entries(entries);
    TaxonomyDocument candidate = new TaxonomyDocument("draft of " + item.itemId(), text);
    candidate.parse();
    return new DraftCandidate(inForce, candidate, id, draft.rules());
  }

  private static String quoted(String text) {
    try {
      return Json.mapper().writeValueAsString(text); // a JSON string is a YAML string
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

/**
 * The taxonomy of contact reasons: a versioned YAML file (format: {@code docs/taxonomy.md})
 * that says, for every reason, its group, its names in Dutch and English, who owns it, how it can
 * be prevented, the Lucene rules that recognise it and labelled examples in each language.
 *
 * <p>The taxonomy is code: it is reviewed like code and ships with the analyzer as
 * {@code taxonomy/default.yaml}; an installation may point {@code WAAROM_TAXONOMY_FILE} at its own
 * file. {@link nl.waarom.taxonomy.TaxonomyLoader} reads the file through the YAML node
 * tree (which keeps line numbers) and reports every problem at once, each with file and line
 * ({@link nl.waarom.taxonomy.TaxonomyException#problems()}); the result is small
 * immutable value classes ({@link nl.waarom.taxonomy.Taxonomy},
 * {@link nl.waarom.taxonomy.Reason}, {@link nl.waarom.taxonomy.Example}) that
 * validate themselves in their constructors, so a loaded taxonomy is always consistent.
 * {@link nl.waarom.taxonomy.TaxonomyWriter} writes the same model back in the same layout, and
 * drafts of new reasons whose undecided fields are {@code TODO} placeholders the loader refuses.
 *
 * <p>This package depends on nothing else in the analyzer; {@code classify} depends on it. Whether a
 * rule is a valid query is checked through the {@link nl.waarom.taxonomy.RuleCheck}
 * seam, which the classifier implements.
 */
package nl.waarom.taxonomy;

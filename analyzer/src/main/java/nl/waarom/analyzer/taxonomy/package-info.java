/**
 * The taxonomy of contact reasons: a versioned YAML file that says, for every reason, its names in
 * Dutch and English, who owns it, how it can be prevented, the Lucene rules that recognise it and
 * a few labelled examples.
 *
 * <p>The taxonomy is code: it is reviewed like code and ships with the analyzer as
 * {@code taxonomy/default.yaml}; an installation may point {@code WAAROM_TAXONOMY_FILE} at its own
 * file. {@link nl.waarom.analyzer.taxonomy.TaxonomyLoader} reads the file into small immutable value
 * classes ({@link nl.waarom.analyzer.taxonomy.Taxonomy}, {@link nl.waarom.analyzer.taxonomy.Reason})
 * that validate themselves in their constructors, so a loaded taxonomy is always consistent. Every
 * loading error names the reason it concerns and what is wrong with it.
 *
 * <p>This package depends on nothing else in the analyzer; {@code classify} depends on it. Whether a
 * rule is a valid Lucene query is checked through the {@link nl.waarom.analyzer.taxonomy.RuleCheck}
 * seam, which the classifier implements.
 */
package nl.waarom.analyzer.taxonomy;

package nl.waarom.analyzer.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;

/**
 * A taxonomy YAML document as text, before it is parsed: the built-in one, a file, or the text an
 * analyzer published. Parsing it ({@link #parse()}) checks every rule the way the analyzer does.
 *
 * @param source names the document in problem reports (a file name); never null
 * @param yaml the document; never null
 */
public record TaxonomyDocument(String source, String yaml) {
  public TaxonomyDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(yaml, "yaml");
  }

  /** The taxonomy that ships with the analyzer. */
  public static TaxonomyDocument builtIn() {
    try (InputStream in = TaxonomyLoader.class.getResourceAsStream(
        TaxonomyLoader.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in taxonomy is missing");
      }
      return new TaxonomyDocument("default.yaml",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in taxonomy", e);
    }
  }

  /** The document in a file (UTF-8). */
  public static TaxonomyDocument read(Path file) {
    try {
      return new TaxonomyDocument(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy file " + file, e);
    }
  }

  /**
   * The taxonomy, every rule checked.
   *
   * @throws nl.waarom.taxonomy.TaxonomyException listing every problem with its line
   */
  public Taxonomy parse() {
    return TaxonomyLoader.loadText(source, yaml, RuleParser.check());
  }
}

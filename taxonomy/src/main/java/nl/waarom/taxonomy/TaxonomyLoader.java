package nl.waarom.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a taxonomy YAML file (the format is described in {@code docs/taxonomy.md}) into a
 * {@link Taxonomy}. Validates everything and reports every problem at once, each with file and
 * line: unknown or missing fields, a bad id or preventability, duplicate ids, unknown parents,
 * cycles and more than two levels, reasons without rules and examples, rules that the
 * {@link RuleCheck} rejects (do not parse, or search an unknown field), and names, owner or
 * preventability still holding a draft's {@value TaxonomyWriter#TODO} placeholder.
 */
public final class TaxonomyLoader {
  /** Class-path location of the taxonomy that ships with the analyzer. */
  public static final String DEFAULT_RESOURCE = "/taxonomy/default.yaml";

  private TaxonomyLoader() {}

  /** The built-in default taxonomy. */
  public static Taxonomy loadDefault(RuleCheck check) {
    try (InputStream in = TaxonomyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in taxonomy " + DEFAULT_RESOURCE + " is missing");
      }
      return load("default.yaml", in, check);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** The taxonomy in a file; problems name the file. */
  public static Taxonomy load(Path file, RuleCheck check) {
    try {
      return loadText(file.toString(), Files.readString(file, StandardCharsets.UTF_8), check);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy file " + file, e);
    }
  }

  /** Parses a taxonomy from YAML (UTF-8) read from a stream; problems name {@code <stream>}. */
  public static Taxonomy load(InputStream yaml, RuleCheck check) throws IOException {
    return load("<stream>", yaml, check);
  }

  /**
   * Parses a taxonomy from YAML text.
   *
   * @param source name used in problem reports, e.g. the file name
   * @throws TaxonomyException listing every problem with its line
   */
  public static Taxonomy loadText(String source, String yaml, RuleCheck check) {
    return read(source, new StringReader(yaml), check);
  }

  private static Taxonomy load(String source, InputStream yaml, RuleCheck check) {
    return read(source, new InputStreamReader(yaml, StandardCharsets.UTF_8), check);
  }

  private static Taxonomy read(String source, Reader yaml, RuleCheck check) {
    return new TaxonomyReader(source, check).read(yaml);
  }
}

package nl.waarom.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;

/**
 * Every schema version that was ever released. Released versions live as self-contained
 * {@code .avsc} files under {@code released/<Name>/v<N>.avsc} on the class path (source:
 * {@code schemas/src/main/resources/released}). A released file is never edited: a change to a
 * schema adds a new version file, and {@code SchemaCompatibilityTest} checks that each version is
 * backward- and forward-compatible with its predecessor.
 */
public final class ReleasedSchemas {
  private static final int MAX_VERSIONS = 999;

  private ReleasedSchemas() {}

  /**
   * The released versions of one record, oldest first; empty when none was released yet.
   *
   * @param fullName e.g. {@code nl.waarom.schemas.Contact}
   */
  public static List<Schema> versionsOf(String fullName) {
    String simple = fullName.substring(fullName.lastIndexOf('.') + 1);
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; v <= MAX_VERSIONS; v++) {
      String path = String.format(Locale.ROOT, "/released/%s/v%d.avsc", simple, v);
      try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
        if (in == null) {
          break;
        }
        versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read released schema " + path, e);
      }
    }
    return List.copyOf(versions);
  }

  /** The record types that have a released schema history. */
  public static List<Class<?>> recordTypes() {
    return List.of(Contact.class, ClassifiedContact.class, ReasonTrend.class, ExplainedShare.class,
        Insight.class, DeadLetter.class, TaxonomySnapshot.class, Correction.class);
  }
}

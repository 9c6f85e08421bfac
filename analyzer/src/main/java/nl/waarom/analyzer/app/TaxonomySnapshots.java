package nl.waarom.analyzer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import nl.waarom.schemas.TaxonomyReason;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;

/**
 * The {@link TaxonomySnapshot} of a taxonomy: the document exactly as loaded, its SHA-256, and
 * its reasons' names and structure for readers that do not parse YAML (the sink's board).
 */
final class TaxonomySnapshots {
  private TaxonomySnapshots() {}

  /**
   * The snapshot of {@code taxonomy}, loaded from {@code yaml}.
   *
   * @param publishedAt when it was put in force; never null
   */
  static TaxonomySnapshot of(Taxonomy taxonomy, String yaml, Instant publishedAt) {
    return TaxonomySnapshot.newBuilder()
        .setVersion(taxonomy.version())
        .setPublishedAt(publishedAt)
        .setSha256(sha256(yaml))
        .setYaml(yaml)
        .setReasons(taxonomy.reasons().stream().map(TaxonomySnapshots::reason).toList())
        .build();
  }

  private static TaxonomyReason reason(Reason r) {
    return TaxonomyReason.newBuilder()
        .setId(r.id())
        .setNameNl(r.name().nl())
        .setNameEn(r.name().en())
        .setParent(r.parent())
        .setPreventability(r.preventability().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .setOwner(r.owner())
        .build();
  }

  /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The text of the taxonomy document the analyzer loads: the configured file, or the built-in
   * one when {@code file} is blank.
   *
   * @throws UncheckedIOException when it cannot be read
   */
  static String text(String file) {
    if (file == null || file.isBlank()) {
      try (InputStream in = TaxonomyLoader.class.getResourceAsStream(
          TaxonomyLoader.DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("built-in taxonomy is missing");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy file " + file, e);
    }
  }
}

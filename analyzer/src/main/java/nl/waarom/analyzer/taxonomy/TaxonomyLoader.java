package nl.waarom.analyzer.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a taxonomy YAML file into a {@link Taxonomy}. Reasons are read one at a time so that every
 * error names the reason it is in: an unknown or missing field, a duplicate id, a bad
 * preventability, or a rule that the {@link RuleCheck} rejects.
 */
public final class TaxonomyLoader {
  /** Class-path location of the taxonomy that ships with the analyzer. */
  public static final String DEFAULT_RESOURCE = "/taxonomy/default.yaml";
  private static final Set<String> TOP_LEVEL = Set.of("version", "reasons");
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private TaxonomyLoader() {}

  /** The built-in default taxonomy. */
  public static Taxonomy loadDefault(RuleCheck check) {
    try (InputStream in = TaxonomyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in taxonomy " + DEFAULT_RESOURCE + " is missing");
      }
      return load(in, check);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** The taxonomy in a file. */
  public static Taxonomy load(Path file, RuleCheck check) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, check);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy file " + file, e);
    }
  }

  /**
   * Parses a taxonomy from YAML (UTF-8).
   *
   * @throws TaxonomyException naming the reason and the problem
   */
  public static Taxonomy load(InputStream yaml, RuleCheck check) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new TaxonomyException(null, "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new TaxonomyException(null, "expected a mapping with 'version' and 'reasons'");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        throw new TaxonomyException(null, "unknown field '" + name + "'");
      }
    }
    JsonNode reasons = root.path("reasons");
    if (!reasons.isArray()) {
      throw new TaxonomyException(null, "'reasons' must be a list");
    }
    List<Reason> parsed = new ArrayList<>();
    for (int i = 0; i < reasons.size(); i++) {
      parsed.add(reason(reasons.get(i), i, check));
    }
    try {
      return new Taxonomy(root.path("version").asText(null), parsed);
    } catch (TaxonomyException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new TaxonomyException(null, e.getMessage(), e);
    }
  }

  private static Reason reason(JsonNode node, int index, RuleCheck check) {
    String id = node.path("id").isTextual() ? node.path("id").asText() : "#" + (index + 1);
    rejectUnknownFields(id, node, Reason.class, "");
    rejectUnknownFields(id, node.path("name"), LocalizedName.class, "name.");
    Reason reason;
    try {
      reason = YAML.treeToValue(node, Reason.class);
    } catch (InvalidFormatException e) {
      throw new TaxonomyException(id, "invalid value '" + e.getValue() + "' " + path(e), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new TaxonomyException(id, cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new TaxonomyException(id, e.getOriginalMessage(), e);
    }
    for (String rule : reason.rules()) {
      try {
        check.check(rule);
      } catch (IllegalArgumentException e) {
        throw new TaxonomyException(id, "rule '" + rule + "' does not parse: " + e.getMessage(), e);
      }
    }
    return reason;
  }

  /**
   * Jackson reports an unknown field only after it tried to build the record, whose constructor
   * then complains about the field that is missing instead; so check the names first.
   */
  private static void rejectUnknownFields(String id, JsonNode node, Class<? extends Record> type,
      String prefix) {
    Set<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toSet());
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new TaxonomyException(id, "unknown field '" + prefix + name + "'");
      }
    }
  }

  private static String path(InvalidFormatException e) {
    StringBuilder field = new StringBuilder();
    e.getPath().forEach(ref -> {
      if (ref.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
      }
    });
    return field.isEmpty() ? "" : "for field '" + field + "'";
  }
}

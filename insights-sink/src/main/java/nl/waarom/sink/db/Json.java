package nl.waarom.sink.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The one Jackson mapper of the sink: jsonb columns and the REST API. Values written are plain
 * records, lists, maps, strings and numbers; instants are written as ISO-8601 text
 * ({@code 2026-03-01T10:15:00Z}).
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final TypeReference<List<ExampleRow>> EXAMPLES = new TypeReference<>() {};
  private static final TypeReference<List<SignalRow>> SIGNALS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private Json() {}

  /** Serialises a value; never returns null. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** Reads the {@code examples} jsonb column; null or blank reads as an empty list. */
  public static List<ExampleRow> readExamples(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(MAPPER.readValue(json, EXAMPLES));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("examples are not a JSON array of examples: " + json, e);
    }
  }

  /** Reads the {@code signals} jsonb column; null or blank reads as an empty list. */
  public static List<SignalRow> readSignals(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(MAPPER.readValue(json, SIGNALS));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("signals are not a JSON array of signals: " + json, e);
    }
  }

  /** Reads a JSON array of strings, skipping nulls; null or blank reads as an empty list. */
  public static List<String> readStrings(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<String> values = MAPPER.readValue(json, STRINGS);
      return values.stream().filter(java.util.Objects::nonNull).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array of strings: " + json, e);
    }
  }

  /** The shared mapper, for tests and callers that need a tree. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

package nl.waarom.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.ingest.contact.FieldError;

/**
 * Lenient, path-addressed reads of a platform's JSON payload: unknown fields are fine (platforms
 * add fields all the time), but a field we need and cannot read is an error naming its dotted
 * path ({@code data.item.id}). Collects every problem; not thread-safe (one per payload).
 */
final class PlatformFields {
  static final String BODY = "body";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<FieldError> errors = new ArrayList<>();

  /** The parsed body, or null after recording why it is not a JSON object. */
  JsonNode parse(byte[] body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        error(BODY, "must be a JSON object");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      error(BODY, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      error(BODY, "cannot be read: " + e.getMessage());
    }
    return null;
  }

  List<FieldError> errors() {
    return errors;
  }

  void error(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  /** The node at a dotted path below {@code node}; null when absent or JSON null. */
  static JsonNode at(JsonNode node, String path) {
    JsonNode n = node;
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(part);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /** A non-blank string or a number, as text; records an error and returns null otherwise. */
  String id(JsonNode node, String base, String path) {
    JsonNode v = at(node, path);
    if (v != null && (v.isIntegralNumber() || v.isTextual() && !v.textValue().isBlank())) {
      return v.asText().strip();
    }
    error(join(base, path), "is required: a non-blank string or a whole number");
    return null;
  }

  /** An optional string; non-strings (except numbers, taken as text) are an error. */
  String text(JsonNode node, String base, String path) {
    JsonNode v = at(node, path);
    if (v == null) {
      return null;
    }
    if (v.isTextual() || v.isNumber()) {
      return v.asText();
    }
    error(join(base, path), "must be a string");
    return null;
  }

  /**
   * An instant given as Unix epoch seconds (a number) or an ISO-8601 date-time with offset; null
   * (with an error when required) otherwise.
   */
  Instant instant(JsonNode node, String base, String path, boolean required) {
    JsonNode v = at(node, path);
    if (v == null && !required) {
      return null;
    }
    if (v != null && v.isIntegralNumber() && v.canConvertToLong() && v.longValue() > 0) {
      return Instant.ofEpochSecond(v.longValue());
    }
    if (v != null && v.isTextual()) {
      Instant parsed = parseInstant(v.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    error(join(base, path), (v == null ? "is required: " : "must be ")
        + "Unix epoch seconds or an ISO-8601 date-time with offset");
    return null;
  }

  /** ISO-8601 with offset, or epoch seconds as digits; null when neither. */
  static Instant parseInstant(String text) {
    String t = text == null ? "" : text.strip();
    if (t.matches("\\d{9,11}")) {
      return Instant.ofEpochSecond(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String join(String base, String path) {
    return base.isEmpty() ? path : base + "." + path;
  }
}

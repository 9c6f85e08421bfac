package nl.waarom.ingest.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.schemas.IsoInstants;

/**
 * Typed, validating reads of the fields of one JSON object. Every problem is added to a shared
 * error list under the field's full path, and reading goes on, so a client sees all its mistakes
 * at once. Each getter returns null when the field is absent (or JSON null) or invalid.
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;
  private final List<FieldError> errors;

  /** @param path path of the object itself, e.g. "" or "[2]" or "turns[0]"; never null */
  JsonFields(JsonNode node, String path, List<FieldError> errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String path(String name) {
    return child(path, name);
  }

  void error(String name, String message) {
    errors.add(new FieldError(path(name), message));
  }

  /** Reports every field not in {@code allowed}, in document order. */
  void rejectUnknown(Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        error(name, "unknown field");
      }
    }
  }

  /** The field's node; null when absent or JSON null. */
  JsonNode get(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /**
   * A string field.
   *
   * @param required report a missing field
   * @param nonBlank report a value of only white space
   */
  String string(String name, boolean required, boolean nonBlank, int maxLength) {
    JsonNode value = get(name);
    if (value == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      error(name, "must be a string");
      return null;
    }
    String text = value.textValue();
    if (nonBlank && text.isBlank()) {
      error(name, "must not be blank");
      return null;
    }
    if (text.length() > maxLength) {
      error(name, "must be at most " + maxLength + " characters");
      return null;
    }
    return text;
  }

  Long nonNegativeLong(String name) {
    JsonNode value = get(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      error(name, "must be a whole number >= 0");
      return null;
    }
    return value.longValue();
  }

  Boolean bool(String name) {
    JsonNode value = get(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      error(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** A case-insensitive enum constant among {@code allowed}; required. */
  <E extends Enum<E>> E enumValue(String name, List<E> allowed) {
    JsonNode value = get(name);
    String choices = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
    if (value == null) {
      error(name, "is required (one of " + choices + ")");
      return null;
    }
    String text = value.isTextual() ? value.textValue().trim().toUpperCase(Locale.ROOT) : "";
    for (E e : allowed) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    error(name, "must be one of " + choices);
    return null;
  }

  /** An ISO-8601 date-time with offset ({@code Z} or {@code +01:00}); required. */
  Instant instant(String name) {
    JsonNode value = get(name);
    if (value == null) {
      error(name, "is required");
      return null;
    }
    try {
      if (value.isTextual()) {
        return IsoInstants.parse(value.textValue().trim()).truncatedTo(ChronoUnit.MILLIS);
      }
    } catch (DateTimeParseException e) {
      // reported below, like a non-string
    }
    error(name, "must be an ISO-8601 instant with offset, e.g. 2026-11-24T10:15:30Z");
    return null;
  }

  Map<String, String> stringMap(String name) {
    JsonNode value = get(name);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      error(name, "must be an object of string values");
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    value.properties().forEach(e -> {
      if (e.getValue().isTextual()) {
        map.put(e.getKey(), e.getValue().textValue());
      } else {
        errors.add(new FieldError(path(name) + "." + e.getKey(), "must be a string"));
      }
    });
    return map;
  }
}

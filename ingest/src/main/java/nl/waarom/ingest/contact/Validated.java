package nl.waarom.ingest.contact;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of reading input: either a value or every problem found, never both.
 *
 * @param value the value; null exactly when invalid
 * @param errors every problem in input order; empty exactly when valid; never null
 */
public record Validated<T>(T value, List<FieldError> errors) {
  public Validated {
    errors = List.copyOf(errors);
    if ((value == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("either a value or errors");
    }
  }

  public static <T> Validated<T> valid(T value) {
    return new Validated<>(value, List.of());
  }

  public static <T> Validated<T> invalid(List<FieldError> errors) {
    return new Validated<>(null, errors);
  }

  public static <T> Validated<T> invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public boolean isValid() {
    return value != null;
  }

  /** All problems on one line, {@code field: message; field: message}; empty when valid. */
  public String describeErrors() {
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}

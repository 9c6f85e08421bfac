package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.util.Locale;

/** Reads and validates query parameters; a bad value becomes a 400 naming the parameter. */
final class QueryParams {
  private QueryParams() {}

  /**
   * An integer parameter within {@code [min, max]}, or the default when absent or blank.
   *
   * @throws BadParameterException when present but not a whole number in range
   */
  static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "not a whole number: '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new BadParameterException(name,
          String.format(Locale.ROOT, "%d is outside %d..%d", value, min, max));
    }
    return value;
  }

  /** A query parameter that cannot be used; answered with 400 and a JSON body (a page: a page). */
  static final class BadParameterException extends RuntimeException {
    private final String parameter;

    BadParameterException(String parameter, String message) {
      super(parameter + ": " + message);
      this.parameter = parameter;
    }

    String parameter() {
      return parameter;
    }
  }
}

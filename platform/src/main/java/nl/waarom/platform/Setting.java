package nl.waarom.platform;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key of a service: its environment variable, type, default, validation and
 * description. Settings are declared as constants in a per-service catalogue class and read with
 * {@link Config}; a test fails when a setting has no description or is missing from the
 * configuration reference, {@code docs/configuration.md}.
 *
 * @param env environment variable name, e.g. {@code WAAROM_KAFKA_BOOTSTRAP_SERVERS}; never null
 * @param type short type name shown in documentation (string, int, duration, ...); never null
 * @param defaultValue default as text; null when the setting is required
 * @param secret whether the value is masked when the configuration is logged
 * @param description one or two sentences for operators; never blank
 * @param parser parses and validates the text, throwing IllegalArgumentException with a reason
 */
public record Setting<T>(
    String env,
    String type,
    String defaultValue,
    boolean secret,
    String description,
    Function<String, T> parser) {

  public Setting {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parser, "parser");
    if (!env.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("environment variable names are upper case: " + env);
    }
  }

  public static Setting<String> string(String env, String defaultValue, String description) {
    return new Setting<>(env, "string", defaultValue, false, description, s -> s);
  }

  public static Setting<String> secret(String env, String defaultValue, String description) {
    return new Setting<>(env, "secret", defaultValue, true, description, s -> s);
  }

  public static Setting<Integer> integer(String env, int defaultValue, int min, int max,
      String description) {
    return new Setting<>(env, "int", Integer.toString(defaultValue), false, description,
        s -> Parsers.intInRange(s, min, max));
  }

  public static Setting<Double> decimal(String env, double defaultValue, double min, double max,
      String description) {
    return new Setting<>(env, "decimal", Double.toString(defaultValue), false, description,
        s -> Parsers.doubleInRange(s, min, max));
  }

  public static Setting<Boolean> bool(String env, boolean defaultValue, String description) {
    return new Setting<>(env, "boolean", Boolean.toString(defaultValue), false, description,
        Parsers::bool);
  }

  public static Setting<java.time.Duration> duration(String env, String defaultValue,
      String description) {
    return new Setting<>(env, "duration", defaultValue, false, description, Parsers::duration);
  }

  public boolean required() {
    return defaultValue == null;
  }
}

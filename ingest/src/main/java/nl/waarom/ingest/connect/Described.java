package nl.waarom.ingest.connect;

import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A {@link ConfigDef.Validator} with a human description, so the generated configuration
 * reference says what is valid instead of printing a lambda's class name. Immutable.
 *
 * @param description what values are valid, e.g. "2-letter ISO 639-1 code or empty"
 * @param check the check; throws {@code ConfigException} for an invalid value
 */
public record Described(String description, ConfigDef.Validator check)
    implements ConfigDef.Validator {
  public Described {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(check, "check");
  }

  @Override
  public void ensureValid(String name, Object value) {
    check.ensureValid(name, value);
  }

  @Override
  public String toString() {
    return description;
  }
}

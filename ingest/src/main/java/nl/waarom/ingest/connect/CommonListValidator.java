package nl.waarom.ingest.connect;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** ConfigDef validators for LIST keys. Stateless and thread-safe. */
public enum CommonListValidator implements ConfigDef.Validator {
  /** At least one non-blank element, and no blank ones. */
  NON_EMPTY;

  @Override
  public void ensureValid(String name, Object value) {
    List<?> list = value == null ? List.of() : (List<?>) value;
    if (list.isEmpty() || list.stream().anyMatch(v -> v == null || v.toString().isBlank())) {
      throw new ConfigException(name, value, "must list at least one non-blank value");
    }
  }

  @Override
  public String toString() {
    return "non-empty list";
  }
}

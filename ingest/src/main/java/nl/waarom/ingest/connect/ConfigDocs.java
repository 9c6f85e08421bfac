package nl.waarom.ingest.connect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a connector's {@link ConfigDef} as a Markdown table (key, type, default, valid values,
 * importance, description) and splices it into a document between
 * {@code <!-- BEGIN GENERATED CONFIG: name -->} and {@code <!-- END GENERATED CONFIG: name -->}.
 * {@code ingest/CONNECTORS.md} is kept in sync by {@code ConfigDocsTest}. Stateless and
 * thread-safe.
 */
public final class ConfigDocs {
  private ConfigDocs() {}

  /** The Markdown table of every key in definition order. */
  public static String table(ConfigDef def) {
    StringBuilder md = new StringBuilder();
    md.append("| key | type | default | valid values | importance | description |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (ConfigDef.ConfigKey k : def.configKeys().values()) {
      md.append("| `").append(k.name).append("` | ").append(k.type.name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ").append(defaultValue(k)).append(" | ")
          .append(k.validator == null ? "" : cell(k.validator.toString())).append(" | ")
          .append(k.importance.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
          .append(cell(k.documentation)).append(" |\n");
    }
    return md.toString();
  }

  private static String defaultValue(ConfigDef.ConfigKey k) {
    if (!k.hasDefault()) {
      return "**required**";
    }
    Object v = k.defaultValue;
    if (v instanceof Password) {
      return "(hidden)";
    }
    String s = v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
        : String.valueOf(v);
    return s.isEmpty() ? "\"\"" : "`" + s + "`";
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  /** The document with the named generated section replaced by {@code table}. */
  public static String splice(String document, String name, String table) {
    Matcher m = section(name).matcher(document);
    if (!m.find()) {
      throw new IllegalArgumentException("no generated section '" + name + "' in the document");
    }
    return document.substring(0, m.start(1)) + "\n" + table + document.substring(m.end(1));
  }

  /** The current content of a generated section (table only), or null when it is missing. */
  public static String extract(String document, String name) {
    Matcher m = section(name).matcher(document);
    return m.find() ? m.group(1).substring(1) : null;
  }

  private static Pattern section(String name) {
    return Pattern.compile("<!-- BEGIN GENERATED CONFIG: " + Pattern.quote(name) + " -->(.*?)"
        + "<!-- END GENERATED CONFIG: " + Pattern.quote(name) + " -->", Pattern.DOTALL);
  }
}

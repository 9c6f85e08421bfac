package nl.waarom.ingest.connect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the Waarom connectors as built by Maven ({@code project.version}, filtered into
 * {@code version.properties}), which {@code Connector.version()} and {@code Task.version()}
 * report to the worker. Stateless and thread-safe.
 */
public final class ConnectorVersion {
  private static final String VERSION = load();

  private ConnectorVersion() {}

  /** The build version such as {@code 0.1.0-SNAPSHOT}; "unknown" when run from an unfiltered build. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ConnectorVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

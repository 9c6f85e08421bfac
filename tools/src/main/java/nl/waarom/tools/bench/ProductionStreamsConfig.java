package nl.waarom.tools.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Properties;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.platform.Config;

/**
 * The Kafka Streams properties the running analyzer uses for a configuration, taken from
 * {@code AnalyzerApp.streamsProperties(Config)} itself rather than copied: the catch-up
 * benchmark must run the analyzer exactly as configured in production (processing guarantee,
 * commit interval, and whatever ordering settings are added there later), and a copy would
 * drift silently. That method is package-private to the analyzer, hence the reflective call;
 * when it is renamed this fails loudly instead of measuring something else.
 */
final class ProductionStreamsConfig {
  private static final String METHOD = "streamsProperties";

  private ProductionStreamsConfig() {}

  static Properties of(Config config) {
    try {
      Method method = AnalyzerApp.class.getDeclaredMethod(METHOD, Config.class);
      method.setAccessible(true);
      Properties properties = new Properties();
      properties.putAll((Properties) method.invoke(null, config));
      return properties;
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("AnalyzerApp." + METHOD + "(Config) is gone; the "
          + "catch-up benchmark needs the analyzer's own Kafka Streams properties", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("AnalyzerApp." + METHOD + " failed", e.getCause());
    }
  }
}

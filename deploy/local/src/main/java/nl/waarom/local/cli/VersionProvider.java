package nl.waarom.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code waarom --version}: the project version, written into a resource by the build. */
final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"waarom " + p.getProperty("version", "(unknown version)")};
  }
}

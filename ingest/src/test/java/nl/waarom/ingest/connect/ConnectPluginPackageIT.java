package nl.waarom.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The plugin zip that {@code package} builds (runs in {@code verify}, after packaging): one
 * versioned folder with the manifest and the connectors' run-time jars, the ingest jar carrying
 * the ServiceLoader manifest, and none of the jars the Connect worker provides itself.
 */
class ConnectPluginPackageIT {
  private static final String VERSION = ConnectorVersion.get();
  private static final Path ZIP = Path.of("target", "waarom-connect-plugin-" + VERSION + ".zip");

  @Test
  void zipHoldsThePluginFolderWithItsDependenciesButNotKafkas() throws Exception {
    String root = "waarom-connect-plugin-" + VERSION + "/";
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertThat(names).allMatch(n -> n.startsWith(root));
      List<String> jars = names.stream().filter(n -> n.endsWith(".jar"))
          .map(n -> n.substring(n.lastIndexOf('/') + 1)).toList();
      assertThat(jars).anyMatch(j -> j.startsWith("waarom-ingest-"))
          .anyMatch(j -> j.startsWith("waarom-schemas-")).anyMatch(j -> j.startsWith("avro-"))
          .anyMatch(j -> j.startsWith("angus-mail-")).anyMatch(j -> j.startsWith("jackson-databind-"))
          .noneMatch(j -> j.startsWith("kafka-") || j.startsWith("connect-")
              || j.startsWith("slf4j-") || j.startsWith("logback-") || j.startsWith("jetty-")
              || j.startsWith("javalin-"));
      String manifest = new String(zip.getInputStream(zip.getEntry(root + "manifest.json"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(manifest).contains("\"version\": \"" + VERSION + "\"");

      ZipEntry ingest = zip.stream().filter(e -> e.getName().contains("lib/waarom-ingest-"))
          .findFirst().orElseThrow();
      assertThat(serviceManifest(zip.getInputStream(ingest))).containsExactlyInAnyOrder(
          "nl.waarom.ingest.connect.imap.WaaromImapSourceConnector",
          "nl.waarom.ingest.connect.spool.WaaromSpoolDirSourceConnector");
    }
  }

  private static List<String> serviceManifest(InputStream jar) throws Exception {
    try (JarInputStream in = new JarInputStream(jar)) {
      for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        if (e.getName().equals("META-INF/services/org.apache.kafka.connect.source.SourceConnector")) {
          List<String> lines = new ArrayList<>();
          for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) {
              lines.add(l.strip());
            }
          }
          return lines;
        }
      }
    }
    return List.of();
  }
}

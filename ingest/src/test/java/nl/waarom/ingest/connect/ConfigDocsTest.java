package nl.waarom.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.waarom.ingest.connect.imap.ImapSourceConfig;
import nl.waarom.ingest.connect.spool.SpoolDirSourceConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * Every connector key is documented, and ingest/CONNECTORS.md holds exactly the reference
 * generated from the ConfigDefs. To regenerate after changing a key:
 * {@code ./mvnw -B -o -q test -pl ingest -Dtest=ConfigDocsTest -Dwaarom.updateDocs=true}.
 */
class ConfigDocsTest {
  private static final Path DOC = Path.of("CONNECTORS.md");
  private static final Map<String, ConfigDef> CONNECTORS = Map.of(
      "imap", ImapSourceConfig.CONFIG_DEF, "spool", SpoolDirSourceConfig.CONFIG_DEF);

  @Test
  void everyKeyHasADescriptionAGroupAndADisplayName() {
    CONNECTORS.forEach((name, def) -> assertThat(def.configKeys().values()).allSatisfy(k -> {
      assertThat(k.documentation).as(name + " " + k.name).isNotBlank();
      assertThat(k.group).as(name + " " + k.name).isNotBlank();
      assertThat(k.displayName).as(name + " " + k.name).isNotBlank();
    }));
  }

  @Test
  void connectorsMdMatchesTheConfigDefs() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("waarom.updateDocs")) {
      for (var e : CONNECTORS.entrySet()) {
        doc = ConfigDocs.splice(doc, e.getKey(), ConfigDocs.table(e.getValue()));
      }
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
    }
    for (var e : CONNECTORS.entrySet()) {
      assertThat(ConfigDocs.extract(doc, e.getKey()))
          .as("CONNECTORS.md section '" + e.getKey() + "' is out of date; regenerate with "
              + "-Dtest=ConfigDocsTest -Dwaarom.updateDocs=true")
          .isEqualTo(ConfigDocs.table(e.getValue()));
    }
  }

  @Test
  void aTableListsEveryKeyOnce() {
    String imap = ConfigDocs.table(ImapSourceConfig.CONFIG_DEF);
    for (String key : ImapSourceConfig.CONFIG_DEF.names()) {
      assertThat(imap).containsOnlyOnce("| `" + key + "` |");
    }
    assertThat(imap).contains("| `imap.password` | password | **required** |");
  }
}

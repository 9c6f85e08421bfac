package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.waarom.platform.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTest {
  @Test
  void resetWipesTheDataFolderOnly(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("kafka/sub"));
    Files.writeString(data.resolve("kafka/sub/file"), "x");
    Files.writeString(dir.resolve("keep"), "y");
    LocalRun.wipe(data);
    assertThat(data).doesNotExist();
    assertThat(dir.resolve("keep")).exists();
  }

  @Test
  void optionsOverrideTheDemoSettingsOnly() {
    assertThat(new LocalRun.Options(true, null, false, 10.0, Duration.ofSeconds(60)).overrides())
        .isEqualTo(Map.of("WAAROM_DEMO_RATE", "10.0", "WAAROM_DEMO_INCIDENT_AFTER", "PT1M"));
    assertThat(new LocalRun.Options(false, Duration.ofMinutes(5), true, null, null).overrides())
        .isEmpty();
    assertThatThrownBy(() -> new LocalRun.Options(false, null, false, 10.0, null))
        .hasMessageContaining("demo only");
    assertThatThrownBy(() -> new LocalRun.Options(true, Duration.ZERO, false, null, null))
        .hasMessageContaining("must be positive");
  }

  @Test
  void aBadSettingStopsTheRunBeforeAnythingStartsOrIsWiped(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keep"), "y");
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> env = Map.of("WAAROM_DATA_DIR", dir.toString(), "WAAROM_DEMO_SEED", "-1");
    assertThatThrownBy(() -> LocalRun.run(new LocalRun.Options(true, Duration.ofSeconds(1), true,
        null, null), env, out))
        .isInstanceOf(Config.ConfigException.class).hasMessageContaining("WAAROM_DEMO_SEED");
    assertThat(dir.resolve("keep")).exists();
  }
}

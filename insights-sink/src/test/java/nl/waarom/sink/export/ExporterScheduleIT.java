package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.sink.export.ExportConfig.ExportConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled exporter keeps running through a tracker outage; bad settings stop the start. */
class ExporterScheduleIT {
  @TempDir Path dir;

  @Test
  void theScheduleRetriesThroughAnOutageAndExportsOnceTheTrackerIsBack() throws Exception {
    try (ExportDb db = new ExportDb(dir); WebhookExportIT.Receiver receiver = new WebhookExportIT.Receiver()) {
      db.store(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0));
      receiver.down = true;
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Exporter exporter = db.exporter(Map.of("WAAROM_EXPORT_TRACKER", "webhook",
          "WAAROM_WEBHOOK_URL", receiver.baseUrl() + "/hook",
          "WAAROM_WEBHOOK_SECRET", "0123456789abcdef-webhook", "WAAROM_EXPORT_INTERVAL", "200ms"),
          registry)) {
        exporter.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> registry.get(ExportMetrics.EXPORT)
            .tags("outcome", "failed").counter().count() >= 2);
        assertThat(db.links()).singleElement()
            .satisfies(l -> assertThat(l.lastError()).contains("HTTP 503"));

        receiver.down = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries.size() == 1
            && db.links().get(0).linked());
      }
      assertThat(db.links()).singleElement().satisfies(l -> {
        assertThat(l.lastError()).isNull();
        assertThat(l.externalId()).isEqualTo("T-spike.payment-problem");
      });
      assertThat(receiver.deliveries).hasSize(1);
    }
  }

  @Test
  void theSinkRefusesToStartWithAnIncompleteTrackerConfigurationNamingTheKey() {
    assertThatThrownBy(() -> SinkApp.start(Map.of("WAAROM_EXPORT_TRACKER", "github",
        "WAAROM_GITHUB_TOKEN", "t", "WAAROM_DATA_DIR", dir.toString())))
        .isInstanceOf(ExportConfigException.class)
        .hasMessageContaining("WAAROM_GITHUB_REPO: required with WAAROM_EXPORT_TRACKER=github");
  }
}

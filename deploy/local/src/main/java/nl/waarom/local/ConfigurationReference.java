package nl.waarom.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.Setting;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.gateway.GatewaySettings;
import nl.waarom.sink.app.SinkSettings;
import nl.waarom.tools.query.QuerySettings;

/**
 * The configuration reference of every service, rendered from the settings catalogues themselves
 * (so it cannot drift): {@code docs/configuration.md} embeds it between
 * {@code <!-- config:begin -->} and {@code <!-- config:end -->}, {@code ConfigurationDocumentedTest}
 * fails when the two differ, and {@code ./waarom config} prints it.
 */
public final class ConfigurationReference {
  private ConfigurationReference() {}

  /** Service name → its settings, in documentation order. */
  static Map<String, List<Setting<?>>> services() {
    Map<String, List<Setting<?>>> services = new LinkedHashMap<>();
    services.put("Gateway (`nl.waarom.ingest.gateway.GatewayMain`)", GatewaySettings.all());
    services.put("Replay and dead letters (`./waarom replay`, `./waarom dlq`; "
        + "`nl.waarom.ingest.replay.ReplayMain`, `nl.waarom.ingest.dlq.DlqMain`)", IngestSettings.all());
    services.put("Queries (`./waarom insights`, `./waarom trends`, `./waarom contacts`; "
        + "`nl.waarom.tools.query.QueryMain`)", QuerySettings.all());
    services.put("Analyzer (`nl.waarom.analyzer.app.AnalyzerMain`)", AnalyzerSettings.all());
    services.put("Insights sink (`nl.waarom.sink.app.SinkMain`)", SinkSettings.all());
    services.put("Local stack and demo (`./waarom`)", LocalSettings.all());
    return services;
  }

  /** The Markdown reference: one table per service. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Every service is configured by environment variables; each logs its configuration at ")
        .append("start with secrets masked and refuses to start, naming every bad value, when one is ")
        .append("invalid. Durations accept `250ms`, `90s`, `5m`, `2h`, `7d` or ISO-8601 (`PT5M`).\n")
        .append("\nBesides the settings below, every Kafka client takes the standard client ")
        .append("properties (TLS, SASL, ...): from the file `WAAROM_KAFKA_CLIENT_PROPERTIES` and ")
        .append("from any other `WAAROM_KAFKA_<NAME>` variable, which sets property `<name>` (lower ")
        .append("case, `_` as `.`): `WAAROM_KAFKA_SECURITY_PROTOCOL=SASL_SSL` is ")
        .append("`security.protocol=SASL_SSL`. See [kafka-security.md](kafka-security.md).\n");
    services().forEach((service, settings) -> {
      md.append("\n### ").append(service).append("\n\n");
      md.append("| variable | type | default | description |\n|---|---|---|---|\n");
      for (Setting<?> s : settings) {
        md.append("| `").append(s.env()).append("` | ").append(s.type()).append(" | ")
            .append(s.required() ? "*required*" : s.defaultValue().isEmpty() ? "*(empty)*"
                : "`" + s.defaultValue() + "`")
            .append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
      }
    });
    return md.toString();
  }
}

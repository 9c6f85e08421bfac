package nl.waarom.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.connect.imap.ImapSourceConfig;
import nl.waarom.ingest.connect.imap.WaaromImapSourceConnector;
import nl.waarom.ingest.connect.spool.SpoolDirSourceConfig;
import nl.waarom.ingest.connect.spool.WaaromSpoolDirSourceConnector;
import nl.waarom.schemas.Channel;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {
  private static Map<String, String> imap() {
    Map<String, String> c = new HashMap<>();
    c.put("imap.host", "mail.example.nl");
    c.put("imap.user", "support");
    c.put("imap.password", "pw");
    c.put("pseudonym.secret", "s");
    return c;
  }

  @Test
  void imapDefaultsAndTypedValues() {
    ImapSourceConfig c = new ImapSourceConfig(imap());
    assertThat(c.port()).isEqualTo(993);
    assertThat(c.tls()).isEqualTo(ImapSourceConfig.Tls.IMPLICIT);
    assertThat(c.folders()).containsExactly("INBOX");
    assertThat(c.topic()).isEqualTo("waarom.contacts.email");
    Map<String, String> p = imap();
    p.put("topic.prefix", "acme.");
    p.put("imap.tls", "starttls");
    assertThat(new ImapSourceConfig(p).topic()).isEqualTo("acme.contacts.email");
    assertThat(new ImapSourceConfig(p).tls()).isEqualTo(ImapSourceConfig.Tls.STARTTLS);
    assertThat(c.toString()).doesNotContain("pw");
  }

  @Test
  void imapRejectsBadValuesWithTheKeyName() {
    assertThatThrownBy(() -> new ImapSourceConfig(without(imap(), "imap.host")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("imap.host");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "imap.port", "70000")))
        .hasMessageContaining("imap.port");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "imap.tls", "ssl")))
        .hasMessageContaining("IMPLICIT, STARTTLS, NONE");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "imap.folders", "")))
        .hasMessageContaining("imap.folders");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "language", "dutch")))
        .hasMessageContaining("2-letter");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "topic.prefix", "a b")))
        .hasMessageContaining("topic.prefix");
    assertThatThrownBy(() -> new ImapSourceConfig(with(imap(), "pseudonym.secret", "")))
        .hasMessageContaining("pseudonym.secret");
  }

  @Test
  void workerValidationReportsEveryBadKey() {
    Config result = new WaaromImapSourceConnector().validate(
        with(with(imap(), "imap.port", "0"), "imap.batch.size", "x"));
    List<String> bad = result.configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty()).map(ConfigValue::name).toList();
    assertThat(bad).containsExactlyInAnyOrder("imap.port", "imap.batch.size");
  }

  @Test
  void foldersAreSpreadOverTasks() {
    WaaromImapSourceConnector connector = new WaaromImapSourceConnector();
    connector.start(with(imap(), "imap.folders", "INBOX,Klachten,Facturen"));
    assertThat(connector.taskConfigs(2)).extracting(m -> m.get("imap.task.folders"))
        .containsExactly("INBOX,Klachten", "Facturen");
    assertThat(connector.taskConfigs(10)).hasSize(3);
    assertThat(connector.version()).isNotBlank().isNotEqualTo("unknown");
  }

  @Test
  void spoolDefaultsAndDirectoryRules() {
    Map<String, String> p = new HashMap<>(Map.of("spool.input.dir", "/data/in",
        "spool.done.dir", "/data/done", "spool.error.dir", "/data/error",
        "pseudonym.secret", "s"));
    SpoolDirSourceConfig c = new SpoolDirSourceConfig(p);
    assertThat(c.settleMs()).isEqualTo(5_000);
    assertThat(c.transcriptChannel()).isEqualTo(Channel.CALL);
    assertThat(c.labels().of("Klant")).hasToString("CUSTOMER");
    assertThatThrownBy(() -> new SpoolDirSourceConfig(with(p, "spool.done.dir", "/data/in/")))
        .hasMessageContaining("must differ");
    assertThatThrownBy(() -> new SpoolDirSourceConfig(with(p, "spool.transcript.channel", "email")))
        .hasMessageContaining("CALL or CHAT");
    WaaromSpoolDirSourceConnector connector = new WaaromSpoolDirSourceConnector();
    assertThat(connector.validate(with(p, "spool.error.dir", "/data/in")).configValues())
        .filteredOn(v -> !v.errorMessages().isEmpty()).extracting(ConfigValue::name)
        .containsExactly("spool.input.dir");
    assertThat(connector.validate(p).configValues()).allMatch(v -> v.errorMessages().isEmpty());
    connector.start(p);
    assertThat(connector.taskConfigs(4)).as("one directory, one task").hasSize(1);
  }

  private static Map<String, String> with(Map<String, String> m, String k, String v) {
    Map<String, String> c = new HashMap<>(m);
    c.put(k, v);
    return c;
  }

  private static Map<String, String> without(Map<String, String> m, String k) {
    Map<String, String> c = new HashMap<>(m);
    c.remove(k);
    return c;
  }
}

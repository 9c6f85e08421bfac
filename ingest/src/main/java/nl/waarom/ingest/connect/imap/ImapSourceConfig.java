package nl.waarom.ingest.connect.imap;

import java.util.List;
import java.util.Map;
import nl.waarom.ingest.connect.CommonConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import nl.waarom.ingest.connect.CommonListValidator;
import nl.waarom.ingest.connect.Described;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of {@link WaaromImapSourceConnector}: the typed, defaulted, documented catalogue
 * of its keys ({@link #CONFIG_DEF}) and typed accessors. Immutable once built.
 */
public final class ImapSourceConfig extends AbstractConfig {
  public static final String HOST = "imap.host";
  public static final String PORT = "imap.port";
  public static final String TLS = "imap.tls";
  public static final String USER = "imap.user";
  public static final String PASSWORD = "imap.password";
  public static final String FOLDERS = "imap.folders";
  public static final String POLL_INTERVAL_MS = "imap.poll.interval.ms";
  public static final String BATCH_SIZE = "imap.batch.size";
  public static final String TIMEOUT_MS = "imap.timeout.ms";
  public static final String TOPIC = "imap.topic";
  /** Task-only key: the folders one task reads; set by the connector, not by users. */
  static final String TASK_FOLDERS = "imap.task.folders";

  /** How the connection to the IMAP server is secured. */
  public enum Tls {
    /** IMAPS: TLS from the first byte (usually port 993). */
    IMPLICIT,
    /** Plain IMAP upgraded with STARTTLS, which is required (usually port 143). */
    STARTTLS,
    /** No encryption: only for a server on the same host or in tests. */
    NONE
  }

  private static final String GROUP = "IMAP";
  public static final ConfigDef CONFIG_DEF = define();

  public ImapSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef define() {
    int o = 0;
    return CommonConfig.define()
        .define(HOST, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
            Importance.HIGH, "Host name of the IMAP server.", GROUP, ++o, Width.LONG, "Host")
        .define(PORT, Type.INT, 993, Range.between(1, 65535), Importance.HIGH,
            "Port of the IMAP server (993 for IMPLICIT TLS, 143 for STARTTLS).", GROUP, ++o,
            Width.SHORT, "Port")
        .define(TLS, Type.STRING, Tls.IMPLICIT.name(), enumValidator(), Importance.HIGH,
            "Transport security: IMPLICIT (IMAPS), STARTTLS (required upgrade) or NONE (plain "
                + "text; only for a local server or tests). Case-insensitive.", GROUP, ++o,
            Width.SHORT, "TLS mode")
        .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
            Importance.HIGH, "Login name of the mailbox.", GROUP, ++o, Width.MEDIUM, "User")
        .define(PASSWORD, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
            "Password of the mailbox; masked in logs and the REST API.", GROUP, ++o,
            Width.MEDIUM, "Password")
        .define(FOLDERS, Type.LIST, "INBOX", CommonListValidator.NON_EMPTY, Importance.HIGH,
            "Comma-separated mailbox folders to read, e.g. INBOX,Klachten. Folders are spread "
                + "over at most tasks.max tasks; each folder is read by one task.", GROUP, ++o,
            Width.LONG, "Folders")
        .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, Range.atLeast(100), Importance.MEDIUM,
            "How long a task waits before asking the server again after a poll found no new "
                + "mail, in milliseconds.", GROUP, ++o, Width.SHORT, "Poll interval")
        .define(BATCH_SIZE, Type.INT, 100, Range.between(1, 10_000), Importance.LOW,
            "Most messages one poll returns to the worker (over all folders of a task).", GROUP,
            ++o, Width.SHORT, "Batch size")
        .define(TIMEOUT_MS, Type.INT, 30_000, Range.between(1_000, 600_000), Importance.LOW,
            "Connect and read timeout towards the IMAP server, in milliseconds.", GROUP, ++o,
            Width.SHORT, "Timeout")
        .define(TOPIC, Type.STRING, "", Importance.MEDIUM,
            "Topic for the contacts; empty for the catalogue's <topic.prefix>contacts.email, "
                + "which the analyzer reads. Dead letters always go to <topic.prefix>dlq.",
            GROUP, ++o, Width.LONG, "Contacts topic");
  }

  private static ConfigDef.Validator enumValidator() {
    return new Described("IMPLICIT, STARTTLS, NONE", (name, value) -> {
      try {
        Tls.valueOf(((String) value).strip().toUpperCase(java.util.Locale.ROOT));
      } catch (RuntimeException e) {
        throw new ConfigException(name, value, "must be one of IMPLICIT, STARTTLS, NONE");
      }
    });
  }

  public String host() {
    return getString(HOST);
  }

  public int port() {
    return getInt(PORT);
  }

  public Tls tls() {
    return Tls.valueOf(getString(TLS).strip().toUpperCase(java.util.Locale.ROOT));
  }

  public String user() {
    return getString(USER);
  }

  public String password() {
    return getPassword(PASSWORD).value();
  }

  public List<String> folders() {
    return getList(FOLDERS);
  }

  public long pollIntervalMs() {
    return getLong(POLL_INTERVAL_MS);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE);
  }

  public int timeoutMs() {
    return getInt(TIMEOUT_MS);
  }

  /** The contacts topic: the configured one, else the catalogue's email topic. */
  public String topic() {
    String t = getString(TOPIC);
    return t == null || t.isBlank() ? CommonConfig.topics(this).contactsEmail.name() : t.strip();
  }
}

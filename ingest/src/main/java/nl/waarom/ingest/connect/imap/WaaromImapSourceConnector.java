package nl.waarom.ingest.connect.imap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.connect.ConnectorVersion;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * Kafka Connect source connector that turns e-mail in IMAP mailbox folders into Waarom
 * {@code Contact} records on {@code <prefix>contacts.email} (dead letters on {@code <prefix>dlq}).
 * Configuration: {@link ImapSourceConfig}; the work: {@link ImapSourceTask}, one folder per task
 * at most, folders spread over up to {@code tasks.max} tasks.
 *
 * <p>Delivery: offsets are exact per message ({@code {uidvalidity, uid}} per folder) and a poll
 * re-reads deterministically from them, so the connector declares exactly-once support: on a
 * distributed worker with {@code exactly.once.source.support=enabled} records and offsets commit
 * in one transaction. Elsewhere delivery is at-least-once: after a crash, mail after the last
 * committed offset is produced again (a clean stop commits first, so it repeats nothing).
 *
 * <p>Stateless apart from the started config; the worker calls it from one thread.
 */
public final class WaaromImapSourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public String version() {
    return ConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    new ImapSourceConfig(props); // fail fast on a bad config
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return ImapSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<String> folders = new ImapSourceConfig(props).folders();
    int n = Math.max(1, Math.min(maxTasks, folders.size()));
    List<Map<String, String>> configs = new ArrayList<>(n);
    for (List<String> group : ConnectorUtils.groupPartitions(folders, n)) {
      Map<String, String> task = new HashMap<>(props);
      task.put(ImapSourceConfig.TASK_FOLDERS, String.join(",", group));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {
    // nothing to release: tasks own the connections
  }

  @Override
  public ConfigDef config() {
    return ImapSourceConfig.CONFIG_DEF;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }
}

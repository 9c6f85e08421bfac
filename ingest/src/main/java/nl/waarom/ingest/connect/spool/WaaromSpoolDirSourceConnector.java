package nl.waarom.ingest.connect.spool;

import java.util.List;
import java.util.Map;
import nl.waarom.ingest.connect.ConnectorVersion;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Kafka Connect source connector for call transcripts and chat exports dropped as files in a
 * spool directory ({@code .vtt}, {@code .json}, {@code .jsonl}); contacts go to
 * {@code <prefix>contacts.call|chat|email} by channel, bad input to {@code <prefix>dlq}.
 * Configuration: {@link SpoolDirSourceConfig}; the work: {@link SpoolDirSourceTask}. Always one
 * task: files are read in order from one directory, and two tasks would race for them.
 *
 * <p>Delivery: exact offsets per record (file, size, mtime, line), so exactly-once is supported
 * on a distributed worker with {@code exactly.once.source.support=enabled}; otherwise
 * at-least-once (a clean stop repeats nothing). The directory must be local to the worker that
 * runs the task (or a shared volume).
 */
public final class WaaromSpoolDirSourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public String version() {
    return ConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    new SpoolDirSourceConfig(props); // fail fast on a bad config
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return SpoolDirSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {
    // nothing to release: the task owns the files
  }

  @Override
  public ConfigDef config() {
    return SpoolDirSourceConfig.CONFIG_DEF;
  }

  /**
   * The per-key checks of the ConfigDef plus the cross-key rule that the input directory differs
   * from the done and error directories, reported on {@code spool.input.dir}.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    boolean keysValid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
    if (keysValid) {
      try {
        new SpoolDirSourceConfig(connectorConfigs);
      } catch (ConfigException e) {
        result.configValues().stream()
            .filter(v -> v.name().equals(SpoolDirSourceConfig.INPUT_DIR))
            .forEach(v -> v.addErrorMessage(e.getMessage()));
      }
    }
    return result;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }
}

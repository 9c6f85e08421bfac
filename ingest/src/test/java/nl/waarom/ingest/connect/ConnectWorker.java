package nl.waarom.ingest.connect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect worker in the test JVM, built by Kafka's own command-line wiring
 * ({@link ConnectStandalone} or {@link ConnectDistributed}; REST server on a free port), with the
 * converters the Waarom connectors require. Offsets survive a restart: in a file (standalone) or
 * in the worker's offset topic (distributed).
 */
public final class ConnectWorker implements AutoCloseable {
  private final Connect<? extends Herder> connect;

  private ConnectWorker(Connect<? extends Herder> connect) {
    this.connect = connect;
  }

  /** A standalone worker keeping source offsets in {@code offsetFile}: at-least-once. */
  public static ConnectWorker standalone(String bootstrapServers, Path offsetFile) {
    Map<String, String> props = common(bootstrapServers);
    props.put("offset.storage.file.filename", offsetFile.toString());
    return new ConnectWorker(new ConnectStandalone().startConnect(props));
  }

  /**
   * A one-node distributed worker in group {@code groupId} with
   * {@code exactly.once.source.support=enabled}: source records and their offsets are committed
   * in one Kafka transaction.
   */
  public static ConnectWorker exactlyOnce(String bootstrapServers, String groupId) {
    Map<String, String> props = common(bootstrapServers);
    props.put("group.id", groupId);
    props.put("config.storage.topic", groupId + "-configs");
    props.put("offset.storage.topic", groupId + "-offsets");
    props.put("status.storage.topic", groupId + "-status");
    props.put("config.storage.replication.factor", "1");
    props.put("offset.storage.replication.factor", "1");
    props.put("status.storage.replication.factor", "1");
    props.put("exactly.once.source.support", "enabled");
    // a restarted worker gets the tasks at once instead of after the default 5-minute delay
    props.put("scheduled.rebalance.max.delay.ms", "0");
    return new ConnectWorker(new ConnectDistributed().startConnect(props));
  }

  private static Map<String, String> common(String bootstrapServers) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("offset.flush.interval.ms", "500");
    props.put("listeners", "http://127.0.0.1:0");
    // our connectors carry ServiceLoader manifests; scanning the whole test class path takes ~25 s
    props.put("plugin.discovery", "service_load");
    return props;
  }

  /** Creates (or replaces) a connector and waits until the worker accepted it. */
  public void putConnector(String name, Map<String, String> config) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    Map<String, String> withName = new HashMap<>(config);
    withName.put("name", name);
    connect.herder().putConnectorConfig(name, withName, true, done);
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("connector " + name + " not accepted: " + e.getMessage(), e);
    }
  }

  /** Stops the worker cleanly: tasks stop and their last offsets are committed. */
  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}

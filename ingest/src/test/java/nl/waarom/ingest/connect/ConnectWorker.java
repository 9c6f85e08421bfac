package nl.waarom.ingest.connect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect standalone worker in the test JVM (Kafka's own {@link ConnectStandalone}
 * wiring, REST server on a free port), with offsets in a file so a restarted worker resumes
 * where the previous one stopped. Uses the converters the Waarom connectors require.
 */
public final class ConnectWorker implements AutoCloseable {
  private final Connect<StandaloneHerder> connect;

  private ConnectWorker(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  /** Starts a worker against the broker, keeping source offsets in {@code offsetFile}. */
  public static ConnectWorker start(String bootstrapServers, Path offsetFile) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("offset.storage.file.filename", offsetFile.toString());
    props.put("offset.flush.interval.ms", "500");
    props.put("listeners", "http://127.0.0.1:0");
    // our connectors carry ServiceLoader manifests; scanning the whole test class path takes ~25 s
    props.put("plugin.discovery", "service_load");
    return new ConnectWorker(new ConnectStandalone().startConnect(props));
  }

  /** Creates (or replaces) a connector and waits until the worker accepted it. */
  public void putConnector(String name, Map<String, String> config) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    Map<String, String> withName = new HashMap<>(config);
    withName.put("name", name);
    connect.herder().putConnectorConfig(name, withName, true, done);
    try {
      done.get(30, TimeUnit.SECONDS);
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

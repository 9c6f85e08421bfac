package nl.waarom.local.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), started in
 * this JVM from Kafka's own server artifacts: the storage is formatted with Kafka's
 * {@code StorageTool} (exactly what {@code kafka-storage.sh format} does) and the server is
 * {@code kafka.server.KafkaRaftServer} (what {@code kafka-server-start.sh} runs).
 *
 * <p>The log directory survives restarts: a formatted directory is reused, so topics, offsets and
 * state outlive a stop of the local stack until the data folder is wiped.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String CLUSTER_ID = "V2Fhcm9tTG9jYWwxMjM0NQ";

  private final KafkaRaftServer server;
  private final int port;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Formats {@code logDir} when it is new and starts the broker.
   *
   * @param logDir where Kafka keeps its log segments and metadata; created when missing
   * @param port client port on localhost
   * @param controllerPort KRaft controller port on localhost
   */
  public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
    return start(logDir, port, controllerPort, Map.of());
  }

  /**
   * As {@link #start(Path, int, int)}, with {@code overrides} replacing or adding server
   * properties: e.g. a secured listener next to the plaintext one, which stays the listener
   * between broker and controller and the one {@link #bootstrapServers()} names.
   */
  public static EmbeddedKafka start(Path logDir, int port, int controllerPort,
      Map<String, String> overrides) {
    try {
      Files.createDirectories(logDir);
      Properties props = serverProperties(logDir, port, controllerPort);
      props.putAll(overrides);
      Path propsFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "Waarom embedded KRaft broker; written at every start");
      }
      format(propsFile);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      LOG.info("Kafka broker (KRaft) listening on localhost:{}, data in {}", port, logDir);
      return new EmbeddedKafka(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
    }
  }

  static Properties serverProperties(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
        Map.entry("num.partitions", "3"),
        Map.entry("default.replication.factor", "1"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "3"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "3"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("log.retention.hours", "168"),
        Map.entry("auto.create.topics.enable", "false")));
    return p;
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int rc;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(new String[] {
          "format", "--cluster-id", CLUSTER_ID, "--config", propsFile.toString(),
          "--ignore-formatted"}, out);
    }
    String output = buffer.toString(StandardCharsets.UTF_8).strip();
    if (rc != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (" + rc + "): " + output);
    }
    LOG.debug("kafka-storage format: {}", output);
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Kafka broker stopped");
  }
}

package nl.waarom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.Config;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.local.kafka.EmbeddedKafka;
import nl.waarom.sink.app.SinkApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Waarom pipeline in one process: a real KRaft Kafka broker, the insights sink (with its
 * embedded PostgreSQL), the analyzer (Kafka Streams) and the HTTP gateway, wired to each other
 * through the broker exactly as they are when deployed separately. Every service keeps its own
 * configuration keys; this class only fills in the addresses and folders that tie them together.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  /** The disorder tolerance of the embedded stack, unless WAAROM_ANALYZER_DISORDER_TOLERANCE is set. */
  static final String LOCAL_DISORDER_TOLERANCE = "15s";
  private final EmbeddedKafka kafka;
  private final Gateway gateway;
  private final AnalyzerApp analyzer;
  private final SinkApp sink;

  private LocalStack(Map<String, String> env) {
    Config config = Config.load(LocalSettings.all(), env);
    Path dataDir = Path.of(config.get(LocalSettings.DATA_DIR)).toAbsolutePath();
    LOG.info("Starting Waarom local stack, data in {}", dataDir);
    try {
      kafka = remember(EmbeddedKafka.start(dataDir.resolve("kafka"),
          portOrFree(config.get(LocalSettings.KAFKA_PORT)),
          portOrFree(config.get(LocalSettings.KAFKA_CONTROLLER_PORT))));
      Map<String, String> services = new HashMap<>(env);
      services.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      services.put("WAAROM_DATA_DIR", dataDir.toString());
      services.putIfAbsent("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
      // The embedded stack's contacts come from its own gateway as they happen, so little disorder
      // needs absorbing: a short tolerance keeps the board live (a spike within seconds). A
      // catch-up is ordered across partitions whatever the tolerance.
      services.putIfAbsent("WAAROM_ANALYZER_DISORDER_TOLERANCE", LOCAL_DISORDER_TOLERANCE);
      // One instance: a stream thread per core, up to one per partition; no standby replicas
      // (there is no second instance to keep them on).
      services.putIfAbsent("WAAROM_ANALYZER_STREAM_THREADS", String.valueOf(localStreamThreads(
          Runtime.getRuntime().availableProcessors(),
          Config.load(AnalyzerSettings.all(), services).get(AnalyzerSettings.TOPIC_PARTITIONS))));
      analyzer = remember(AnalyzerApp.start(services));
      sink = remember(SinkApp.start(services));
      gateway = remember(Gateway.start(services));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts every component; on failure, stops what had started and rethrows. */
  public static LocalStack start(Map<String, String> env) {
    return new LocalStack(env);
  }

  private <T extends AutoCloseable> T remember(T component) {
    started.push(component);
    return component;
  }

  private static int portOrFree(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public URI gatewayUri() {
    return URI.create("http://localhost:" + gateway.port());
  }

  public URI boardUri() {
    return URI.create("http://localhost:" + sink.port());
  }

  public URI analyzerUri() {
    return URI.create("http://localhost:" + analyzer.port());
  }

  public SinkApp sink() {
    return sink;
  }

  /** Stops components in reverse start order; safe to call twice. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** Stream threads for the one embedded analyzer: one per core, at least 1, at most partitions. */
  static int localStreamThreads(int cores, int partitions) {
    return Math.max(1, Math.min(cores, partitions));
  }
}

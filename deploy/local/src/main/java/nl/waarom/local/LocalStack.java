package nl.waarom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.local.kafka.EmbeddedKafka;
import nl.waarom.sink.app.SinkApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Waarom pipeline in one process: a real KRaft Kafka broker, the insights sink (with its
 * embedded PostgreSQL), the analyzer (Kafka Streams) and the HTTP gateway, wired to each other
 * through the broker exactly as they are when deployed separately. Every service keeps its own
 * configuration keys; this class only fills in the addresses and folders that tie them together,
 * and the gateway's API keys for the stack's own clients and its user ({@link StackKeys}).
 * Its broker is plaintext on localhost, so the Kafka client properties meant for a secured
 * cluster ({@link KafkaClientProperties}: {@code WAAROM_KAFKA_CLIENT_PROPERTIES} and the other
 * {@code WAAROM_KAFKA_*} variables) are not given to the services; a warning names them.
 *
 * <p>A component that fails to start makes the stack stop what it had started, in reverse order,
 * each within {@link #STOP_TIMEOUT}, and {@link #start} throw a {@link StartFailedException} that
 * names the component: a failed start never leaves the process hanging on a half-started stack.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  /** How long one component may take to stop before the stack moves on to the next. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

  private final Deque<Component> started = new ArrayDeque<>();
  /** The disorder tolerance of the embedded stack, unless WAAROM_ANALYZER_DISORDER_TOLERANCE is set. */
  static final String LOCAL_DISORDER_TOLERANCE = "15s";
  /** The consumers' session timeout in the embedded stack, unless WAAROM_KAFKA_SESSION_TIMEOUT is set. */
  static final String LOCAL_SESSION_TIMEOUT = "10s";
  private final EmbeddedKafka kafka;
  private final Gateway gateway;
  private final AnalyzerApp analyzer;
  private final SinkApp sink;
  private final StackKeys keys;

  /**
   * The analyzer's stream threads in the embedded stack, unless WAAROM_ANALYZER_STREAM_THREADS is
   * set: half the processors (the broker, gateway and sink share the machine), at least one, and
   * no more than the partition count (a thread beyond one task per partition has nothing to do).
   */
  static int streamThreads(int processors, int partitions) {
    return Math.max(1, Math.min(partitions, processors / 2));
  }

  private LocalStack(Map<String, String> env) {
    Config config = Config.load(LocalSettings.all(), env);
    Path dataDir = Path.of(config.get(LocalSettings.DATA_DIR)).toAbsolutePath();
    LOG.info("Starting Waarom local stack, data in {}", dataDir);
    String starting = "the Kafka broker";
    try {
      kafka = remember(starting, EmbeddedKafka.start(dataDir.resolve("kafka"),
          portOrFree(config.get(LocalSettings.KAFKA_PORT)),
          portOrFree(config.get(LocalSettings.KAFKA_CONTROLLER_PORT))));
      Map<String, String> services = withoutClientProperties(env);
      services.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      services.put("WAAROM_DATA_DIR", dataDir.toString());
      services.putIfAbsent("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
      // The embedded stack's contacts come from its own gateway as they happen, so little disorder
      // needs absorbing: a short tolerance keeps the board live (a spike within seconds). A
      // catch-up is ordered across partitions whatever the tolerance.
      services.putIfAbsent("WAAROM_ANALYZER_DISORDER_TOLERANCE", LOCAL_DISORDER_TOLERANCE);
      // One instance of each consumer: after a hard kill, the restarted one should not wait the
      // services' 45 s for its vanished predecessor to time out of the group.
      services.putIfAbsent(CommonSettings.KAFKA_SESSION_TIMEOUT.env(), LOCAL_SESSION_TIMEOUT);
      services.putIfAbsent(AnalyzerSettings.STREAM_THREADS.env(), Integer.toString(
          streamThreads(Runtime.getRuntime().availableProcessors(),
              Config.load(List.of(AnalyzerSettings.TOPIC_PARTITIONS), services)
                  .get(AnalyzerSettings.TOPIC_PARTITIONS))));
      starting = "the gateway's API keys";
      keys = StackKeys.create(dataDir);
      keys.addTo(services);
      starting = "the analyzer";
      analyzer = remember(starting, AnalyzerApp.start(services));
      starting = "the insights sink";
      sink = remember(starting, SinkApp.start(services));
      starting = "the gateway";
      gateway = remember(starting, Gateway.start(services));
    } catch (Config.ConfigException e) {
      close();
      throw e;
    } catch (RuntimeException e) {
      LOG.error("{} did not start; stopping what had started", starting, e);
      close();
      throw new StartFailedException(starting + " did not start: " + e.getMessage(), e);
    }
  }

  /**
   * Starts every component; on failure, stops what had started and throws.
   *
   * @throws StartFailedException naming the component that did not start
   * @throws Config.ConfigException when a setting is invalid
   */
  public static LocalStack start(Map<String, String> env) {
    return new LocalStack(env);
  }

  /** A component of the stack did not start; everything started before it has been stopped. */
  public static final class StartFailedException extends RuntimeException {
    StartFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Component(String name, AutoCloseable closeable) {}

  /**
   * {@code env} without the Kafka client properties: the embedded broker takes plaintext
   * connections without authentication, whatever a cluster elsewhere needs.
   */
  static Map<String, String> withoutClientProperties(Map<String, String> env) {
    Map<String, String> services = new HashMap<>();
    Set<String> ignored = new TreeSet<>();
    env.forEach((name, value) -> {
      if (KafkaClientProperties.isPassThrough(name)
          || name.equals(CommonSettings.KAFKA_CLIENT_PROPERTIES.env())) {
        ignored.add(name);
      } else {
        services.put(name, value);
      }
    });
    if (!ignored.isEmpty()) {
      LOG.warn("Ignoring {}: the local stack's own broker is plaintext without authentication",
          String.join(", ", ignored));
    }
    return services;
  }

  private <T extends AutoCloseable> T remember(String name, T component) {
    started.push(new Component(name, component));
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

  /** How a client reaches the embedded broker: plaintext, no properties to pass. */
  public KafkaClientProperties kafkaClients() {
    return KafkaClientProperties.none();
  }

  public URI gatewayUri() {
    return URI.create("http://localhost:" + gateway.port());
  }

  /** The API keys the gateway accepts from the stack's own clients and its user. */
  public StackKeys keys() {
    return keys;
  }

  /** The board's address; the sink listens on 127.0.0.1 unless WAAROM_SINK_BIND says otherwise. */
  public URI boardUri() {
    String bind = sink.bindAddress();
    boolean local = bind.equals("0.0.0.0") || bind.equals("::") || bind.startsWith("127.")
        || bind.equals("::1") || bind.equals("localhost");
    return URI.create((sink.https() ? "https://" : "http://") + (local ? "localhost" : bind) + ":"
        + sink.port());
  }

  /**
   * A one-time link that signs its first opener in to the board as an editor named after this
   * machine's user, valid for a few minutes: printed to the user's terminal, as notebook servers
   * do, so the board opens with one click; never logged.
   */
  public URI signInLink() {
    return URI.create(boardUri() + sink.signInPath(System.getProperty("user.name", "local user")));
  }

  public URI analyzerUri() {
    return URI.create("http://localhost:" + analyzer.port());
  }

  public SinkApp sink() {
    return sink;
  }

  /**
   * Stops components in reverse start order, each within {@link #STOP_TIMEOUT} (one that takes
   * longer is left behind with a warning, so the next still stops); safe to call twice.
   */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      stop(started.pop());
    }
  }

  private static void stop(Component c) {
    Thread stopper = new Thread(() -> {
      try {
        c.closeable().close();
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly: {}", c.name(), e.toString());
      }
    }, "waarom-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.warn("{} did not stop within {}; going on without it", c.name(), STOP_TIMEOUT);
    }
  }
}

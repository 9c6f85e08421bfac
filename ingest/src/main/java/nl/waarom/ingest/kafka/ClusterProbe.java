package nl.waarom.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.platform.KafkaClientProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "can we reach the Kafka cluster?" for readiness probes. A background thread asks the
 * cluster to describe itself at a fixed interval; {@link #reachable()} returns the latest answer
 * at once, so a probe never blocks on Kafka and many probes cost one round trip per interval.
 * Not reachable until the first check succeeds. A failed authentication (wrong credentials) is
 * logged as an error naming it, at once and again whenever the reason changes, so an operator
 * does not mistake it for a broker that is merely down. Thread-safe; {@link #close()} is
 * idempotent.
 */
public final class ClusterProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterProbe.class);

  private final Admin admin;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean reachable;
  private volatile String failure; // the last reason logged; null while reachable

  /**
   * Creates the probe and starts checking at once.
   *
   * @param clients the client properties passed through (security); never null
   * @param interval time between checks
   * @param timeout bound on one check, shorter than the interval
   */
  public ClusterProbe(String bootstrapServers, KafkaClientProperties clients, String clientId,
      Duration interval, Duration timeout) {
    int timeoutMs = (int) timeout.toMillis();
    this.admin = Admin.create(clients.admin(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, clientId,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs)));
    this.timeout = timeout;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, clientId + "-check");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The latest answer: whether the cluster answered with at least one broker. Never blocks. */
  public boolean reachable() {
    return reachable && !closed.get();
  }

  private void check() {
    boolean now;
    try {
      now = !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      now = false;
      String authentication = KafkaAuthentication.message(e);
      if (authentication != null) {
        if (!authentication.equals(failure)) {
          LOG.error("{}; not ready until the credentials are fixed", authentication);
        }
        failure = authentication;
      } else {
        LOG.debug("Kafka cluster not reachable: {}", e.toString());
        failure = null;
      }
    }
    if (now != reachable) {
      LOG.info("Kafka cluster {}", now ? "reachable" : "NOT reachable");
    }
    if (now) {
      failure = null;
    }
    reachable = now;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      scheduler.shutdownNow();
      admin.close(Duration.ofSeconds(5));
    }
  }
}

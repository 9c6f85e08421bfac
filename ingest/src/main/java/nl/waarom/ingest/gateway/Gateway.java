package nl.waarom.ingest.gateway;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.kafka.ClusterProbe;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.ingest.webhook.WebhookAdapter;
import nl.waarom.ingest.webhook.WebhookAdapters;
import nl.waarom.platform.Config;
import nl.waarom.platform.HttpsListener;
import nl.waarom.platform.OpsEndpoints;
import nl.waarom.platform.Setting;
import nl.waarom.schemas.Topics;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP webhook gateway: chat platforms, telephony and mail connectors POST contacts as JSON
 * ({@code POST /v1/contacts}, see {@link nl.waarom.ingest.contact}); the gateway validates them,
 * pseudonymises and redacts them, and publishes them to the channel topics
 * ({@code contacts.chat}, {@code contacts.call}, {@code contacts.email}). It also takes the
 * "conversation closed" webhooks of Intercom and Zendesk ({@code POST /v1/webhooks/intercom},
 * {@code /v1/webhooks/zendesk}, see {@link WebhookHandler}), dead-lettering signed payloads it
 * cannot read to {@code dlq}. It reads no topic. Contacts are written only by an authenticated
 * client: {@code POST /v1/contacts} takes an API key ({@link Access}), the webhooks a platform's
 * signature; the key's name is recorded as each contact's source.
 * Also serves {@code /healthy}, {@code /ready} (Kafka reachable, and the credentials accepted)
 * and {@code /metrics}.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final String CLIENT_ID = "waarom-gateway";
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The platforms whose webhooks the gateway understands. */
  static final List<WebhookAdapter> ADAPTERS = WebhookAdapters.all();

  private final Javalin http;
  private final Javalin management; // null: the ops endpoints are on http
  private final TopicProducer producer;
  private final ClusterProbe probe;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean closed;

  private Gateway(Javalin http, Javalin management, TopicProducer producer, ClusterProbe probe,
      PrometheusMeterRegistry registry, AtomicBoolean closed) {
    this.closed = closed;
    this.http = http;
    this.management = management;
    this.producer = producer;
    this.probe = probe;
    this.registry = registry;
  }

  /**
   * Starts the gateway from environment variables (see {@link GatewaySettings}); returns once the
   * HTTP port is bound. Kafka need not be reachable yet: {@code /ready} tells when it is.
   *
   * @throws nl.waarom.platform.Config.ConfigException when a setting is invalid
   */
  public static Gateway start(Map<String, String> env) {
    Config config = Config.load(GatewaySettings.all(), env);
    LOG.info("Starting gateway with configuration:\n{}", config.describe());
    Topics topics = IngestSettings.topics(config);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GatewayMetrics metrics = new GatewayMetrics(registry,
        ADAPTERS.stream().map(WebhookAdapter::platform).toList());
    Redactor redactor = new Redactor();
    // loads the name and place lists now, not while the first contact waits
    redactor.redact("Met vriendelijke groet, Anna Bakker");
    ContactJson json = new ContactJson(IngestSettings.pseudonymizer(config), redactor,
        metrics::redacted);
    Optional<HttpsListener.Pem> tls = tls(config); // a bad pairing fails before Kafka is touched
    String bootstrap = config.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS);
    TopicProducer producer = TopicProducer.create(bootstrap, config.kafkaClients(), CLIENT_ID,
        config.get(GatewaySettings.PRODUCE_TIMEOUT));
    ClusterProbe probe = new ClusterProbe(bootstrap, config.kafkaClients(), CLIENT_ID + "-probe",
        PROBE_INTERVAL, PROBE_TIMEOUT);
    try {
      ContactSender sender = new ContactSender(producer, topics,
          config.get(GatewaySettings.PRODUCE_TIMEOUT));
      int maxBody = config.get(GatewaySettings.MAX_BODY_BYTES);
      Access access = new Access(config.get(GatewaySettings.API_KEYS),
          config.get(GatewaySettings.API_KEYS_FILE), config.get(GatewaySettings.RATE_LIMIT),
          metrics, tls.map(pem -> pem.clientCa() != null).orElse(false));
      if (access.noKeys()) {
        LOG.warn("No API keys configured (WAAROM_GATEWAY_API_KEYS, WAAROM_GATEWAY_API_KEYS_FILE): "
            + "POST /v1/contacts refuses every request 401");
      }
      ContactsHandler contacts = new ContactsHandler(access, json, sender, metrics, maxBody,
          config.get(GatewaySettings.MAX_BATCH));
      Map<String, WebhookHandler> webhooks = new LinkedHashMap<>();
      for (WebhookAdapter adapter : ADAPTERS) {
        String secret = config.get(secretOf(adapter));
        webhooks.put(WebhookHandler.path(adapter.platform()), new WebhookHandler(adapter, secret,
            config.get(GatewaySettings.WEBHOOK_MAX_AGE), json, sender, metrics, maxBody,
            Clock.systemUTC()));
        LOG.info("Webhook {} {}", WebhookHandler.path(adapter.platform()),
            secret.isEmpty() ? "disabled (no secret)" : "enabled");
      }
      AtomicBoolean closed = new AtomicBoolean();
      int managementPort = config.get(GatewaySettings.MANAGEMENT_PORT);
      Javalin http = Javalin.create(cfg -> configure(cfg, config, tls, registry, contacts,
          webhooks, probe, closed, managementPort < 0)).start();
      Javalin management = null;
      if (managementPort >= 0) {
        try {
          management = OpsEndpoints.startOnOwnPort(config.get(GatewaySettings.BIND).strip(),
              managementPort, registry, () -> !closed.get(), probe::reachable);
        } catch (RuntimeException e) {
          http.stop();
          throw e;
        }
      }
      Gateway gateway = new Gateway(http, management, producer, probe, registry, closed);
      LOG.info("Gateway listening on port {}{}", gateway.port(), management == null ? ""
          : "; /healthy, /ready and /metrics on port " + management.port());
      return gateway;
    } catch (RuntimeException e) {
      probe.close();
      producer.close();
      throw e;
    }
  }

  private static void configure(JavalinConfig cfg, Config config,
      Optional<HttpsListener.Pem> tls, PrometheusMeterRegistry registry,
      ContactsHandler contacts, Map<String, WebhookHandler> webhooks, ClusterProbe probe,
      AtomicBoolean closed, boolean opsHere) {
    cfg.jetty.port = config.get(GatewaySettings.PORT);
    cfg.jetty.host = config.get(GatewaySettings.BIND).strip();
    tls.ifPresent(pem -> HttpsListener.install(cfg, pem));
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("waarom-gateway-http");
    cfg.jetty.threadPool = threads;
    cfg.startup.showJavalinBanner = false;
    cfg.http.maxRequestSize = config.get(GatewaySettings.MAX_BODY_BYTES);
    cfg.http.prefer405over404 = true;
    if (opsHere) {
      OpsEndpoints.install(cfg, registry, () -> !closed.get(), probe::reachable);
    }
    cfg.routes.post("/v1/contacts", contacts);
    webhooks.forEach(cfg.routes::post);
    cfg.routes.error(404, ctx -> {
      if (ctx.attribute(JsonResponses.WRITTEN) == null) {
        JsonResponses.error(ctx, 404, "not found", "no endpoint " + ctx.method() + " " + ctx.path());
      }
    });
    cfg.routes.error(405, ctx -> JsonResponses.error(ctx, 405, "method not allowed",
        ctx.method() + " is not allowed on " + ctx.path()));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
      JsonResponses.error(ctx, 500, "internal error", "unexpected error; see the gateway log");
    });
  }

  /**
   * The PEM files of the HTTPS listener, when configured.
   *
   * @throws Config.ConfigException when only one of certificate and key is set, or a client CA
   *     without them
   */
  static Optional<HttpsListener.Pem> tls(Config config) {
    return HttpsListener.configured(config, GatewaySettings.TLS_CERT, GatewaySettings.TLS_KEY,
        GatewaySettings.TLS_CLIENT_CA);
  }


  private static Setting<String> secretOf(WebhookAdapter adapter) {
    return switch (adapter.platform()) {
      case "intercom" -> GatewaySettings.INTERCOM_SECRET;
      case "zendesk" -> GatewaySettings.ZENDESK_SECRET;
      default -> throw new IllegalStateException("no secret setting for " + adapter.platform());
    };
  }

  /** The bound HTTP port (the actual one when configured as 0). */
  public int port() {
    return http.port();
  }

  /** The port of /healthy, /ready and /metrics: the management port when set, else {@link #port}. */
  public int managementPort() {
    return management == null ? http.port() : management.port();
  }

  /** The registry behind {@code /metrics}; never null. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops accepting requests, then closes the Kafka clients. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      LOG.info("Stopping gateway on port {}", port());
      http.stop();
      if (management != null) {
        management.stop();
      }
      probe.close();
      producer.close();
      registry.close();
    }
  }
}

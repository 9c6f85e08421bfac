package nl.waarom.sink.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.HttpsListener;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.Identity;
import nl.waarom.sink.access.Role;
import nl.waarom.sink.backlog.BacklogActions;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.backtest.ModelInForce;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.board.Money;
import nl.waarom.sink.contacts.ContactRetention;
import nl.waarom.sink.contacts.CorrectionPublisher;
import nl.waarom.sink.verify.ImpactVerifier;
import nl.waarom.sink.consume.SinkConsumer;
import nl.waarom.sink.consume.SinkMetrics;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.export.ExportConfig;
import nl.waarom.sink.export.Exporter;
import nl.waarom.sink.lead.Leadership;
import nl.waarom.sink.lead.SingletonJob;
import nl.waarom.sink.rescore.Rescorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights sink: stores insights and trends in PostgreSQL, keeps the backlog, serves the board
 * and REST API, and keeps the classified contacts of the retention window for the team's
 * workspace. Input topics: {@code <prefix>insights}, {@code <prefix>reason-trends},
 * {@code <prefix>explained-share}, {@code <prefix>taxonomy}, {@code <prefix>contacts.*},
 * {@code <prefix>contacts.classified}, {@code <prefix>corrections}. Output topics:
 * {@code <prefix>dlq}, {@code <prefix>corrections} (editors' corrections).
 * Configuration: {@link SinkSettings}.
 *
 * <p>Starts the database (embedded unless {@code WAAROM_JDBC_URL} is set), the consumer, then the
 * HTTP server, then the {@link ImpactVerifier}, the tracker {@link Exporter} (when
 * {@code WAAROM_EXPORT_TRACKER} is set), the {@link ContactRetention} purge and the
 * {@link Rescorer}. Several instances may share one consumer group and one database: the
 * verifier, the exporter, the purge and the re-score run only on the instance that leads them
 * ({@link Leadership}). {@link #close()} stops them in the order exporter, verifier, purge,
 * re-score, leadership
 * (releasing the locks), consumer, HTTP, corrections producer, pool, embedded PostgreSQL.
 */
public final class SinkApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);

  private final Database database;
  private final SinkConsumer consumer;
  private final BoardServer server;
  private final ImpactVerifier verifier;
  private final Exporter exporter; // may be null: no tracker configured
  private final Leadership leadership;
  private final AtomicBoolean closed = new AtomicBoolean();

  private final Access access;
  private final String bind;
  private final ContactRetention retention;
  private final CorrectionPublisher corrections;
  private final Rescorer rescorer;

  private SinkApp(Database database, SinkConsumer consumer, BoardServer server,
      ImpactVerifier verifier, Exporter exporter, Leadership leadership, Access access,
      String bind, ContactRetention retention, CorrectionPublisher corrections,
      Rescorer rescorer) {
    this.retention = retention;
    this.rescorer = rescorer;
    this.corrections = corrections;
    this.access = access;
    this.bind = bind;
    this.database = database;
    this.consumer = consumer;
    this.server = server;
    this.verifier = verifier;
    this.exporter = exporter;
    this.leadership = leadership;
  }

  /**
   * Loads the configuration from {@code env}, starts everything and returns when it serves.
   *
   * @param env environment variables (e.g. {@code System.getenv()}); never null
   * @throws Config.ConfigException when a setting is invalid
   */
  public static SinkApp start(Map<String, String> env) {
    Config config = Config.load(SinkSettings.all(), env);
    LOG.info("insights sink configuration:\n{}", config.describe());
    Topics topics = CommonSettings.topics(config);
    ExportConfig exportConfig = ExportConfig.from(config); // fails before anything starts
    String bind = config.get(SinkSettings.BIND).strip();
    BoardServer.Listen listen = new BoardServer.Listen(bind, config.get(SinkSettings.PORT),
        HttpsListener.configured(config, SinkSettings.TLS_CERT, SinkSettings.TLS_KEY, null),
        config.get(SinkSettings.MANAGEMENT_PORT)); // a bad pairing fails before anything starts
    AccessConfig accessConfig = AccessConfig.from(config);
    RepeatRule repeatRule = repeatRule(config);
    Database database = Database.open(databaseOptions(config));
    SinkConsumer consumer = null;
    Leadership leadership = null;
    CorrectionPublisher corrections = null;
    try {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      consumer = new SinkConsumer(consumerOptions(config), topics,
          new SinkRepository(database.dataSource()), new SinkMetrics(registry), Clock.systemUTC());
      consumer.start();
      SinkConsumer c = consumer;
      Ranking ranking = new Ranking(config.get(SinkSettings.BACKLOG_WEIGHTS),
          config.get(SinkSettings.BACKLOG_DEFAULT_HANDLE_MINUTES));
      Access access = Access.create(accessConfig, Clock.systemUTC(), bind, database.dataSource());
      corrections = new CorrectionPublisher(config.get(SinkSettings.BOOTSTRAP_SERVERS),
          config.kafkaClients(), topics.corrections);
      Money money = new Money(config.get(SinkSettings.COST_PER_MINUTE),
          config.get(SinkSettings.CURRENCY));
      BoardServer server = BoardServer.start(listen, access,
          database.dataSource(), Clock.systemUTC(), ranking, money, registry, c::isRunning,
          () -> c.isRunning() && !c.isFailing() && database.isReachable(), corrections,
          config.get(SinkSettings.BACKTEST_MAX_CONTACTS));
      LOG.info("insights sink serving {} on {}:{}{}; {}", listen.tls().isPresent() ? "HTTPS"
          : "HTTP", bind, server.port(), server.managementPort() < 0 ? ""
          : "; /healthy, /ready and /metrics on port " + server.managementPort(),
          access.describe());
      Exporter exporter = Exporter.create(exportConfig, database.dataSource(), registry,
          Clock.systemUTC(), ranking).orElse(null);
      Set<SingletonJob> jobs = exporter == null
          ? EnumSet.of(SingletonJob.VERIFY, SingletonJob.PURGE, SingletonJob.RESCORE)
          : EnumSet.allOf(SingletonJob.class);
      Leadership lead = new Leadership(jobs,
          job -> database.advisoryLock(job.lockKey(), "waarom-sink-" + job.tag()), registry,
          config.get(SinkSettings.LEADER_CHECK_INTERVAL));
      leadership = lead;
      lead.start();
      ImpactVerifier verifier = new ImpactVerifier(database.dataSource(),
          new BacklogActions(database.dataSource()), verifyOptions(config));
      verifier.start(() -> lead.leads(SingletonJob.VERIFY));
      if (exporter != null) {
        exporter.start(() -> lead.leads(SingletonJob.EXPORT));
      }
      ContactRetention retention = new ContactRetention(database.dataSource(),
          config.get(SinkSettings.CONTACT_RETENTION),
          config.get(SinkSettings.CONTACT_PURGE_INTERVAL), Clock.systemUTC(), registry);
      retention.start(() -> lead.leads(SingletonJob.PURGE));
      ModelInForce models = new ModelInForce(database.dataSource(), ClassifierRecipe.DEFAULT);
      Rescorer rescorer = new Rescorer(database.dataSource(),
          row -> models.classifier(row.version(), row.yaml()), repeatRule,
          config.get(SinkSettings.RESCORE_INTERVAL), Clock.systemUTC(), registry);
      rescorer.start(() -> lead.leads(SingletonJob.RESCORE));
      return new SinkApp(database, consumer, server, verifier, exporter, lead, access, bind,
          retention, corrections, rescorer);
    } catch (RuntimeException e) {
      if (leadership != null) {
        leadership.close();
      }
      if (corrections != null) {
        corrections.close();
      }
      if (consumer != null) {
        consumer.close();
      }
      database.close();
      throw e;
    }
  }

  private static Database.Options databaseOptions(Config config) {
    return new Database.Options(config.get(SinkSettings.JDBC_URL).strip(),
        config.get(SinkSettings.JDBC_USER), config.get(SinkSettings.JDBC_PASSWORD),
        Path.of(config.get(SinkSettings.DATA_DIR), "postgres"), config.get(SinkSettings.PG_PORT),
        config.get(SinkSettings.POOL_SIZE));
  }

  private static RepeatRule repeatRule(Config config) {
    try {
      return new RepeatRule(config.get(SinkSettings.REPEAT_WINDOW),
          config.get(SinkSettings.REPEAT_TRANSFER_GAP));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SinkSettings.REPEAT_TRANSFER_GAP.env() + ": "
          + e.getMessage(), e);
    }
  }

  private static ImpactVerifier.Options verifyOptions(Config config) {
    try {
      return new ImpactVerifier.Options(config.get(SinkSettings.VERIFY_AFTER),
          config.get(SinkSettings.VERIFY_WEEKS_BEFORE), config.get(SinkSettings.VERIFY_ALPHA),
          config.get(SinkSettings.VERIFY_MIN_DROP), config.get(SinkSettings.VERIFY_INTERVAL));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SinkSettings.VERIFY_AFTER.env() + ": " + e.getMessage(),
          e);
    }
  }

  private static SinkConsumer.Options consumerOptions(Config config) {
    return new SinkConsumer.Options(config.get(SinkSettings.BOOTSTRAP_SERVERS),
        config.kafkaClients(), config.get(SinkSettings.GROUP_ID), config.get(SinkSettings.RETRY_BACKOFF_MAX),
        config.get(SinkSettings.SESSION_TIMEOUT));
  }

  /** The HTTP port actually bound. */
  public int port() {
    return server.port();
  }

  /** Whether the board is served over HTTPS (WAAROM_SINK_TLS_CERT and _KEY are set). */
  public boolean https() {
    return server.https();
  }

  /** The port of /healthy, /ready and /metrics when they have their own, else -1. */
  public int managementPort() {
    return server.managementPort();
  }

  /** The address the HTTP server listens on, as configured (e.g. 127.0.0.1). */
  public String bindAddress() {
    return bind;
  }

  /**
   * A one-time sign-in link for {@code user} as an editor, valid for
   * {@link Access#LINK_VALID_FOR}: the path and query to open on this server. For the local stack,
   * which prints it to its user's terminal; never logged.
   */
  public String signInPath(String user) {
    return Access.LINK_PATH + access.issueSignInLink(new Identity(user, Role.EDITOR, "link"));
  }

  /** The JDBC URL of the database in use (embedded: includes the user); never null. */
  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  /**
   * Stops the jobs, releases their leadership, stops the consumer, the HTTP server, the pool and
   * the embedded database; idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("stopping insights sink");
    if (exporter != null) {
      exporter.close();
    }
    verifier.close();
    retention.close();
    rescorer.close();
    leadership.close();
    consumer.close();
    server.close();
    corrections.close();
    database.close();
  }
}

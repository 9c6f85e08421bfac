package nl.waarom.analyzer.app;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.classify.ClassifierSource;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.ModelOptions;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.feedback.CorrectionReader;
import nl.waarom.analyzer.feedback.FeedbackLearner;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.platform.OpsEndpoints;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running analyzer: the Kafka Streams application of {@link AnalyzerTopology} plus an HTTP
 * server with {@code /healthy}, {@code /ready} and {@code /metrics}. Reads the contact topics
 * (and, outside the streams application, every correction: {@code nl.waarom.analyzer.feedback}),
 * writes contacts.classified, reason-trends, insights and dlq (see {@link AnalyzerTopology}), and
 * publishes the taxonomy in force to taxonomy ({@link TaxonomyPublisher}).
 * Created by {@link #start(Map)}; {@link #close()} stops everything and is idempotent.
 */
public final class AnalyzerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzerApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  /** How often the taxonomy in force is compared with the one last published. */
  private static final Duration TAXONOMY_CHECK = Duration.ofSeconds(5);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private KafkaStreams streams;
  private Javalin http;

  private AnalyzerApp() {}

  /**
   * Loads the configuration from {@code env}, creates missing topics, starts the streams
   * application and the HTTP server. Returns while the application is still rebalancing; use
   * {@link #isRunning()} to wait for it.
   *
   * @throws nl.waarom.platform.Config.ConfigException listing every invalid setting
   */
  public static AnalyzerApp start(Map<String, String> env) {
    Config config = Config.load(AnalyzerSettings.all(), env);
    LOG.info("analyzer configuration:\n{}", config.describe());
    AnalyzerApp app = new AnalyzerApp();
    try {
      app.startWith(config);
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  private void startWith(Config config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    resources.push(registry::close);
    Topics topics = CommonSettings.topics(config);
    int sources = TopicCreator.ensure(config.get(AnalyzerSettings.BOOTSTRAP_SERVERS),
        config.kafkaClients(), topics, config.get(AnalyzerSettings.TOPIC_PARTITIONS),
        config.get(AnalyzerSettings.TOPIC_REPLICATION).shortValue());
    FeedbackLearner learner = learner(config, new CorrectionBook(), registry);
    readCorrections(config, topics, learner, registry);
    ClassifierSource classifiers = classifiers(config, registry, learner);
    resources.push(classifiers);
    learner.start(classifiers);
    resources.push(learner);
    Taxonomy taxonomy = classifiers.get().taxonomy();
    LOG.info("taxonomy {} with {} reasons", taxonomy.version(), taxonomy.reasons().size());
    TaxonomyPublisher taxonomies = new TaxonomyPublisher(
        config.get(AnalyzerSettings.BOOTSTRAP_SERVERS), config.kafkaClients(), topics.taxonomy,
        () -> classifiers.get().taxonomy(), config.get(AnalyzerSettings.TAXONOMY_FILE),
        Clock.systemUTC());
    resources.push(taxonomies);
    taxonomies.start(TAXONOMY_CHECK);

    bindJvmMetrics(registry);
    streams = new KafkaStreams(AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(config).withSources(sources), topics, classifiers, registry),
        streamsProperties(config));
    // Leave the group on close so a restarted or remaining instance takes the partitions over at
    // once, instead of after the session timeout (45 s) of the departed member.
    resources.push(() -> streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)));
    streams.setUncaughtExceptionHandler(AnalyzerApp::onStreamThreadFailure);
    streams.setStateListener((now, before) -> LOG.info("streams state {} -> {}", before, now));
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    resources.push(streamsMetrics);

    int port = config.get(AnalyzerSettings.PORT);
    String bind = config.get(AnalyzerSettings.BIND).strip();
    http = Javalin.create(cfg -> {
      cfg.jetty.host = bind;
      cfg.jetty.port = port;
      cfg.startup.showJavalinBanner = false;
      OpsEndpoints.install(cfg, registry, this::isHealthy, this::isRunning);
    });
    http.start();
    resources.push(http::stop);
    streams.start();
    LOG.info("analyzer started; HTTP on port {}", http.port());
  }

  /**
   * A failed stream thread is replaced (its record is retried), except when Kafka refused the
   * credentials: a new thread would be refused the same way, forever. Then the application stops
   * (state ERROR: {@code /ready} and {@code /healthy} answer 503) and says why.
   */
  static StreamThreadExceptionResponse onStreamThreadFailure(Throwable e) {
    String authentication = KafkaAuthentication.message(e);
    if (authentication != null) {
      LOG.error("{}; stopping the analyzer (fix the credentials and restart it)", authentication);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error("stream thread failed; replacing it (the record is retried)", e);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /**
   * The classifier in force of an analyzer configured by {@code config} that has no corrections
   * yet: the built-in taxonomy, fixed; or the configured file, watched for changes. Compiled as
   * the running analyzer compiles it (through a {@link FeedbackLearner} whose book is empty).
   */
  public static ClassifierSource classifiers(Config config, MeterRegistry registry) {
    return classifiers(config, registry, new CorrectionBook());
  }

  /**
   * The same for an analyzer that has read the corrections of {@code book}: what it compiles at
   * start-up once it caught up with the corrections topic.
   */
  public static ClassifierSource classifiers(Config config, MeterRegistry registry,
      CorrectionBook book) {
    return classifiers(config, registry, learner(config, book, registry));
  }

  private static FeedbackLearner learner(Config config, CorrectionBook book,
      MeterRegistry registry) {
    return new FeedbackLearner(new CorrectedRecipe(classifierRecipe(config), book),
        config.get(AnalyzerSettings.FEEDBACK_RETRAIN_DELAY),
        config.get(AnalyzerSettings.FEEDBACK_RETRAIN_BATCH), registry);
  }

  /**
   * Starts reading every correction into the learner's book, and waits (at most the catch-up
   * timeout) until those already on the topic are read, so the first model learns them.
   */
  private void readCorrections(Config config, Topics topics, FeedbackLearner learner,
      MeterRegistry registry) {
    CorrectionReader reader = new CorrectionReader(config.get(AnalyzerSettings.BOOTSTRAP_SERVERS),
        config.kafkaClients(), topics.corrections, learner.book(), registry).start();
    resources.push(reader);
    Duration timeout = config.get(AnalyzerSettings.FEEDBACK_CATCH_UP_TIMEOUT);
    try {
      if (!timeout.isZero() && !reader.awaitCaughtUp(timeout)) {
        LOG.warn("not all corrections read within {}; starting with {} of them, the rest are "
            + "learned when read", timeout, learner.book().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the corrections", e);
    }
  }

  /** The built-in taxonomy, fixed; or the configured file, watched for changes. */
  private static ClassifierSource classifiers(Config config, MeterRegistry registry,
      FeedbackLearner learner) {
    String file = config.get(AnalyzerSettings.TAXONOMY_FILE);
    return file.isBlank()
        ? ClassifierSource.fixed(learner.compile(TaxonomyDocument.builtIn().parse()))
        : ClassifierSource.watching(Path.of(file),
            config.get(AnalyzerSettings.TAXONOMY_RELOAD_INTERVAL), registry, learner::compile);
  }

  /**
   * How the analyzer configured by {@code config} turns a taxonomy into its classifier (fallback
   * language, extra training examples, the model's minimum confidence). The analyzer learns its
   * corrections on top of it ({@link CorrectedRecipe}); the backtest compiles the taxonomy in
   * force with this very recipe and the same corrections, so it classifies as the analyzer does.
   */
  public static ClassifierRecipe classifierRecipe(Config config) {
    return new ClassifierRecipe(Language.NL, new ModelOptions(
        trainingExamples(config.get(AnalyzerSettings.TRAINING_CSV)),
        config.get(AnalyzerSettings.MODEL_MIN_CONFIDENCE)));
  }

  /**
   * The taxonomy document the analyzer configured by {@code config} loads at start-up: the file
   * of WAAROM_TAXONOMY_FILE, or the built-in default.
   */
  public static TaxonomyDocument taxonomyDocument(Config config) {
    String file = config.get(AnalyzerSettings.TAXONOMY_FILE);
    return file.isBlank() ? TaxonomyDocument.builtIn() : TaxonomyDocument.read(Path.of(file));
  }

  /** Extra labelled texts for the model (columns text,label; labels are reason ids). */
  private static List<LabeledText> trainingExamples(String csv) {
    if (csv.isBlank()) {
      return List.of();
    }
    try {
      List<LabeledText> examples = CsvExamples.read(Path.of(csv), "text", "label");
      LOG.info("training the reason model with {} extra labelled texts from {}", examples.size(), csv);
      return examples;
    } catch (CsvExamples.BadInputException e) {
      throw new IllegalArgumentException(AnalyzerSettings.TRAINING_CSV.env() + ": " + e.getMessage(), e);
    }
  }

  private void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    resources.push(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * The Kafka Streams properties of the running analyzer for {@code config}, the client
   * properties passed through (security) included: the benchmarks run the topology with exactly
   * these, so they measure what production runs.
   */
  public static Properties streamsProperties(Config config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(AnalyzerSettings.APPLICATION_ID));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(AnalyzerSettings.BOOTSTRAP_SERVERS));
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.get(AnalyzerSettings.STATE_DIR));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.get(AnalyzerSettings.PROCESSING_GUARANTEE).config());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        config.get(AnalyzerSettings.COMMIT_INTERVAL).toMillis());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(AnalyzerSettings.STREAM_THREADS));
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
        config.get(AnalyzerSettings.STANDBY_REPLICAS));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(AnalyzerSettings.TOPIC_REPLICATION));
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) config.get(AnalyzerSettings.SESSION_TIMEOUT).toMillis());
    // Small batches: the board should see a classified contact within a fraction of a second.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    return config.kafkaClients().streams(p);
  }

  /** Whether the streams application is processing (state RUNNING). */
  public boolean isRunning() {
    return streams != null && streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Whether the application is alive: not failed, and not stopped other than by {@link #close()}.
   * Rebalancing counts as healthy.
   */
  public boolean isHealthy() {
    if (streams == null) {
      return false;
    }
    KafkaStreams.State state = streams.state();
    return switch (state) {
      case ERROR, PENDING_ERROR -> false;
      case NOT_RUNNING, PENDING_SHUTDOWN -> closed.get();
      default -> true;
    };
  }

  /** The state of the streams application; never null once started. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The HTTP port actually in use (useful when started with port 0). */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    LOG.info("stopping analyzer");
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("error while stopping the analyzer: {}", e.toString());
      }
    }
  }
}

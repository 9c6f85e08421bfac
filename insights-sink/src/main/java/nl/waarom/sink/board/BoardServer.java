package nl.waarom.sink.board;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.platform.HttpsListener;
import nl.waarom.platform.OpsEndpoints;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.AccessGate;
import nl.waarom.sink.access.Role;
import nl.waarom.sink.backlog.BacklogException;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.backtest.DraftBacktests;
import nl.waarom.sink.contacts.CorrectionPublisher;
import nl.waarom.sink.contacts.TaxonomyInForce;
import nl.waarom.sink.db.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's HTTP server (Javalin): the board {@code GET /}, the workspace {@code GET /explore} and
 * {@code /reasons/{id}}, the REST API {@code GET /api/backlog},
 * {@code /api/trends}, {@code /api/insights}, {@code /api/explained-share}, the contacts of the
 * retention window ({@code /contacts}, {@code /api/contacts}, {@link ContactRoutes}), the backtest
 * of an emerging reason's drafted rule ({@code /items/{id}/backtest}, {@link BacktestRoutes}), and
 * the ops endpoints {@code /healthy},
 * {@code /ready}, {@code /metrics}. Bad query parameters answer 400 with
 * {@code {"error": ..., "parameter": ...}}; an unreachable database answers 503. A page a browser
 * shows answers these with a page in its language instead ({@link ErrorPage}).
 *
 * <p>Every route names the {@link Role} it needs: reading the board and the API needs a viewer,
 * every change an editor; the ops endpoints, the static files, the OpenAPI document and the
 * sign-in routes are public. {@link AccessGate} enforces it ({@link Access}).
 */
public final class BoardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardServer.class);
  /** Contacts a backtest of a drafted rule reads at most when not configured. */
  public static final int DEFAULT_BACKTEST_MAX_CONTACTS = 50_000;
  /** How long the backtest of an item's drafted rule is shown again before it runs anew. */
  static final Duration BACKTEST_KEPT_FOR = Duration.ofMinutes(2);

  private final Javalin app;
  private final Javalin management; // null: ops endpoints on the main port
  private final boolean https;

  private final BoardEvents events;
  private final DraftBacktests backtests;

  private BoardServer(Javalin app, Javalin management, boolean https, BoardEvents events,
      DraftBacktests backtests) {
    this.backtests = backtests;
    this.app = app;
    this.https = https;
    this.management = management;
    this.events = events;
  }

  /**
   * Starts serving.
   *
   * @param port TCP port, 0 for a free one
   * @param dataSource the sink's database; never null
   * @param clock wall clock of the board's "now"; never null
   */
  public static BoardServer start(int port, DataSource dataSource, Clock clock,
      PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready) {
    return start(port, dataSource, clock, Ranking.defaults(), registry, healthy, ready);
  }

  /**
   * Starts serving with a backlog ranking, on the loopback address with no sign-in configured:
   * anyone on this machine reads, nobody changes anything.
   *
   * @param ranking how the backlog is ranked; never null
   */
  public static BoardServer start(int port, DataSource dataSource, Clock clock, Ranking ranking,
      PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready) {
    return start(Listen.plain(LOOPBACK, port), Access.create(AccessConfig.none(),
        Clock.systemUTC(), LOOPBACK, dataSource),
        dataSource, clock, ranking, registry, healthy, ready);
  }

  /** The default listening address: this machine only. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * Where and how the board listens.
   *
   * @param bind the address, e.g. 127.0.0.1 or 0.0.0.0; never null
   * @param port TCP port, 0 for a free one
   * @param tls the certificate and key of HTTPS; empty for plain HTTP
   * @param managementPort -1 to serve /healthy, /ready and /metrics on {@code port}; otherwise
   *     the port of a plain HTTP listener of their own (0 for a free one), on the same address
   */
  public record Listen(String bind, int port, Optional<HttpsListener.Pem> tls,
      int managementPort) {
    /** Plain HTTP with the ops endpoints on the same port. */
    public static Listen plain(String bind, int port) {
      return new Listen(bind, port, Optional.empty(), -1);
    }
  }

  /**
   * Starts serving.
   *
   * @param access who may do what; never null
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready) {
    return start(listen, access, dataSource, clock, ranking, Money.defaults(), registry, healthy,
        ready, null);
  }

  /**
   * Starts serving, with editors' corrections of contacts sent by {@code corrections}.
   *
   * @param corrections sends corrections to their topic; null: contacts cannot be corrected here
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready, CorrectionPublisher corrections) {
    return start(listen, access, dataSource, clock, ranking, Money.defaults(), registry, healthy,
        ready, corrections);
  }

  /**
   * Starts serving, without corrections.
   *
   * @param money the cost of a handle minute and the currency amounts are written in; never null
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, Money money,
      PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready) {
    return start(listen, access, dataSource, clock, ranking, money, registry, healthy, ready,
        null);
  }

  /**
   * Starts serving, with the backtest of a drafted rule over at most {@code backtestMaxContacts}
   * contacts, the newest ({@link BacktestRoutes}), and the default cost of a handle minute.
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready, CorrectionPublisher corrections,
      int backtestMaxContacts) {
    return start(listen, access, dataSource, clock, ranking, Money.defaults(), registry, healthy,
        ready, corrections, backtestMaxContacts);
  }

  /**
   * Starts serving, with the default bound on the drafted rules' backtest.
   *
   * @param corrections sends corrections to their topic; null: contacts cannot be corrected here
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, Money money,
      PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready,
      CorrectionPublisher corrections) {
    return start(listen, access, dataSource, clock, ranking, money, registry, healthy, ready,
        corrections, DEFAULT_BACKTEST_MAX_CONTACTS);
  }

  /**
   * Starts serving.
   *
   * @param access who may do what; never null
   * @param money the cost of a handle minute and the currency amounts are written in; never null
   * @param corrections sends corrections to their topic; null: contacts cannot be corrected here
   * @param backtestMaxContacts the backtest of a drafted rule runs over at most this many
   *     contacts, the newest ({@link BacktestRoutes})
   */
  public static BoardServer start(Listen listen, Access access,
      DataSource dataSource, Clock clock, Ranking ranking, Money money,
      PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready,
      CorrectionPublisher corrections, int backtestMaxContacts) {
    BacklogQueries backlog = new BacklogQueries(dataSource, ranking);
    TaxonomyInForce names = new TaxonomyInForce(dataSource, Duration.ofSeconds(2));
    BoardRoutes routes = new BoardRoutes(dataSource, clock, backlog, names);
    BacklogRoutes items = new BacklogRoutes(dataSource, backlog, ranking, money, names);
    ContactRoutes contacts = new ContactRoutes(dataSource, names, corrections, clock);
    ExploreRoutes explore = new ExploreRoutes(dataSource, money, clock, names);
    RescoreRoutes rescores = new RescoreRoutes(dataSource, clock);
    BoardEvents events = new BoardEvents(dataSource, Duration.ofSeconds(1));
    DraftBacktests backtests = new DraftBacktests(dataSource, ClassifierRecipe.DEFAULT,
        backtestMaxContacts, BACKTEST_KEPT_FOR, clock);
    BacktestRoutes drafts = new BacktestRoutes(backlog, backtests, names);
    Javalin app = Javalin.create(cfg -> {
      cfg.jetty.host = listen.bind();
      cfg.jetty.port = listen.port();
      listen.tls().ifPresent(pem -> HttpsListener.install(cfg, pem));
      cfg.startup.showJavalinBanner = false;
      AccessGate.install(cfg.routes, access, (ctx, status, why, message) -> ErrorPage.answer(
          ctx, status, Page.of(ctx).t().t("signIn." + why.name()), message));
      cfg.routes.get("/", routes::board, Role.VIEWER);
      cfg.routes.get("/fragments/{name}", routes::fragment, Role.VIEWER);
      cfg.routes.get("/items/{id}", items::page, Role.VIEWER);
      cfg.routes.get("/fragments/item/{id}", items::pageFragment, Role.VIEWER);
      cfg.routes.get("/explore", explore::overview, Role.VIEWER);
      cfg.routes.get("/reasons/{id}", explore::reason, Role.VIEWER);
      cfg.routes.get("/items/{id}/backtest", drafts::page, Role.VIEWER);
      cfg.routes.get("/api/items/{id}/backtest", drafts::json, Role.VIEWER);
      cfg.routes.sse("/api/stream", events::connect, Role.VIEWER);
      cfg.staticFiles.add(s -> {
        s.hostedPath = "/static";
        s.directory = "/nl/waarom/sink/board/static";
        s.location = Location.CLASSPATH;
      });
      cfg.routes.get("/api/backlog", routes::backlog, Role.VIEWER);
      cfg.routes.get("/api/trends", routes::trends, Role.VIEWER);
      cfg.routes.get("/api/insights", routes::insights, Role.VIEWER);
      cfg.routes.get("/api/explained-share", routes::explainedShare, Role.VIEWER);
      cfg.routes.get("/api/items", items::items, Role.VIEWER);
      cfg.routes.get("/api/items/{id}", items::item, Role.VIEWER);
      cfg.routes.post("/api/items/{id}/status", items::status, Role.EDITOR);
      cfg.routes.post("/api/items/{id}/owner", items::owner, Role.EDITOR);
      cfg.routes.post("/api/items/{id}/notes", items::note, Role.EDITOR);
      cfg.routes.post("/api/items/{id}/promote", items::promote, Role.EDITOR);
      cfg.routes.get("/contacts", contacts::searchPage, Role.VIEWER);
      cfg.routes.get("/contacts/{id}", contacts::page, Role.VIEWER);
      cfg.routes.get("/api/contacts", contacts::search, Role.VIEWER);
      cfg.routes.get("/api/contacts/{id}", contacts::contact, Role.VIEWER);
      cfg.routes.post("/api/contacts/{id}/corrections", contacts::correct, Role.EDITOR);
      cfg.routes.get("/api/rescores", rescores::list, Role.VIEWER);
      cfg.routes.get("/api/rescores/{id}", rescores::one, Role.VIEWER);
      cfg.routes.post("/api/rescores", rescores::queue, Role.EDITOR);
      cfg.routes.get("/api/openapi.json", OpenApi::serve);
      if (listen.managementPort() < 0) {
        OpsEndpoints.install(cfg, registry, healthy, ready);
      }
      cfg.routes.exception(QueryParams.BadParameterException.class, (e, ctx) -> {
        if (ErrorPage.isPage(ctx)) {
          ErrorPage.answer(ctx, 400, Page.of(ctx).t().t("error.badParameter", e.parameter()),
              e.getMessage());
          return;
        }
        BoardRoutes.json(ctx, 400, Map.of("error", e.getMessage(), "parameter", e.parameter()));
      });
      cfg.routes.exception(BacklogException.class, (e, ctx) -> {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.field() != null) {
          body.put("field", e.field());
        }
        BoardRoutes.json(ctx, e.status(), body);
      });
      cfg.routes.exception(DatabaseException.class, (e, ctx) -> {
        LOG.warn("database unavailable for {}: {}", ctx.path(), e.getMessage());
        if (ErrorPage.isPage(ctx)) {
          ErrorPage.answer(ctx, 503, Page.of(ctx).t().t("error.database"), null);
          return;
        }
        BoardRoutes.json(ctx, 503, Map.of("error", "database unavailable"));
      });
    });
    app.start();
    Javalin management = null;
    if (listen.managementPort() >= 0) {
      try {
        management = OpsEndpoints.startOnOwnPort(listen.bind(), listen.managementPort(), registry,
            healthy, ready);
      } catch (RuntimeException e) {
        events.close();
        backtests.close();
        app.stop();
        throw e;
      }
    }
    return new BoardServer(app, management, listen.tls().isPresent(), events, backtests);
  }

  /** The port actually bound. */
  public int port() {
    return app.port();
  }

  /** Whether the board port serves HTTPS. */
  public boolean https() {
    return https;
  }

  /** The management port actually bound, or -1 when the ops endpoints share {@link #port()}. */
  public int managementPort() {
    return management == null ? -1 : management.port();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    events.close();
    backtests.close();
    app.stop();
    if (management != null) {
      management.stop();
    }
  }
}

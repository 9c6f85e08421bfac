package nl.waarom.platform;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The operational endpoints every Waarom service serves on its HTTP port: {@code GET /healthy}
 * (the process is alive and not broken), {@code GET /ready} (it can do its work now: e.g. the
 * Kafka Streams application is RUNNING), and {@code GET /metrics} (Micrometer, Prometheus text
 * format). Health answers 200 or 503 with a one-word body.
 *
 * <p>A service whose port faces the outside (the gateway's contacts API, the board) can serve them
 * on a management port of its own instead ({@link #startOnOwnPort}), so metrics and health stay
 * on an internal network and off the public listener.
 */
public final class OpsEndpoints {
  private OpsEndpoints() {}

  public static void install(JavalinConfig config, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready) {
    config.routes.get("/healthy", ctx -> {
      boolean ok = healthy.getAsBoolean();
      ctx.status(ok ? 200 : 503).result(ok ? "healthy" : "unhealthy");
    });
    config.routes.get("/ready", ctx -> {
      boolean ok = ready.getAsBoolean();
      ctx.status(ok ? 200 : 503).result(ok ? "ready" : "not ready");
    });
    config.routes.get("/metrics", ctx ->
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  /**
   * Serves the endpoints on a plain HTTP listener of their own on {@code host} and {@code port}
   * (0: a free one); returns once it is bound. The caller stops it.
   */
  public static Javalin startOnOwnPort(String host, int port, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready) {
    return Javalin.create(cfg -> {
      cfg.jetty.host = host;
      cfg.jetty.port = port;
      cfg.startup.showJavalinBanner = false;
      install(cfg, registry, healthy, ready);
    }).start();
  }
}

package nl.waarom.sink.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarom.platform.Config;
import nl.waarom.platform.HttpsListener;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Json;
import nl.waarom.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what on the real board server, on a real embedded PostgreSQL: every route of the
 * served OpenAPI document refuses an anonymous caller and every change refuses a viewer; the actor
 * of a change is the authenticated identity whatever the request claims; a change made with the
 * session cookie needs the session's CSRF token; sessions end; one-time links work once; every
 * response carries the security headers; and with nothing configured only loopback reads are open.
 */
class AccessIT {
  private static final String ITEM = "spike.payment-problem";
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static Access access;
  private static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    access = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of(
            AccessSettings.API_TOKENS.env(), TestTokens.setting("ed:editor", "vi:viewer"),
            AccessSettings.SESSION_IDLE_TIMEOUT.env(), "30m",
            AccessSettings.SESSION_MAX_AGE.env(), "2h"))),
        CLOCK, BoardServer.LOOPBACK, database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access, database.dataSource(),
        Clock.systemUTC(), Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true, () -> true);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @BeforeEach
  void oneItem() throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE backlog_events, backlog_item_insights, backlog_items, insights");
    }
    Insight spike = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0))
        .build();
    new SinkRepository(database.dataSource()).write(List.of(InsightRow.from(spike)), List.of());
  }

  @Test
  void everyRouteOfTheOpenApiDocumentRefusesAnonymousCallersAndEveryChangeRefusesViewers()
      throws Exception {
    JsonNode doc = Json.mapper().readTree(send("GET", "/api/openapi.json", null, Map.of()).body());
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String uri = path.getKey().replace("{id}", ITEM);
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        String route = method + " " + path.getKey();
        checked.add(route);
        boolean isPublic = op.getValue().has("security") && op.getValue().get("security").isEmpty();
        if (isPublic) {
          assertThat(status(method, uri, Map.of())).as(route + " anonymous").isEqualTo(200);
          continue;
        }
        assertThat(status(method, uri, Map.of())).as(route + " anonymous").isEqualTo(401);
        assertThat(op.getValue().at("/responses/401").isMissingNode()).as(route + " documents 401")
            .isFalse();
        Map<String, String> viewer = Map.of("Authorization", TestTokens.bearer("vi"));
        Map<String, String> editor = Map.of("Authorization", TestTokens.bearer("ed"));
        if (method.equals("GET")) {
          assertThat(status(method, uri, viewer)).as(route + " viewer").isIn(200, 404);
        } else {
          assertThat(status(method, uri, viewer)).as(route + " viewer").isEqualTo(403);
          assertThat(op.getValue().at("/responses/403").isMissingNode())
              .as(route + " documents 403").isFalse();
          assertThat(status(method, uri, editor)).as(route + " editor").isNotIn(401, 403);
        }
      }
    }
    assertThat(checked).contains("POST /api/items/{id}/status", "POST /api/items/{id}/promote",
        "GET /api/items", "GET /api/stream", "GET /api/openapi.json");
    assertThat(new BacklogQueries(database.dataSource()).history(ITEM))
        .as("no refused change left a trace").allSatisfy(e -> assertThat(e.actor()).isEqualTo("ed"));
  }

  @Test
  void theActorIsTheAuthenticatedIdentityWhateverTheRequestClaims() throws Exception {
    HttpResponse<String> r = send("POST", "/api/items/" + ITEM + "/status",
        "{\"status\":\"triaged\",\"actor\":\"someone-else\"}",
        Map.of("Authorization", TestTokens.bearer("ed"), "X-Waarom-User", "mallory"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new BacklogQueries(database.dataSource()).history(ITEM))
        .extracting(BacklogEvent::actor).containsExactly("ed");
  }

  @Test
  void aChangeWithTheSessionCookieNeedsTheSessionsCsrfToken() throws Exception {
    String cookie = signInWithLink("lena");
    JsonNode me = Json.mapper().readTree(send("GET", "/auth/me", null, Map.of("Cookie", cookie))
        .body());
    assertThat(me.get("name").asText()).isEqualTo("lena");
    assertThat(me.get("role").asText()).isEqualTo("editor");
    String csrf = me.get("csrf").asText();
    String path = "/api/items/" + ITEM + "/status";
    String body = "{\"status\":\"triaged\"}";

    assertThat(send("POST", path, body, Map.of("Cookie", cookie)).statusCode()).isEqualTo(403);
    assertThat(send("POST", path, body, Map.of("Cookie", cookie, "X-CSRF-Token", csrf + "x"))
        .statusCode()).isEqualTo(403);
    assertThat(new BacklogQueries(database.dataSource()).history(ITEM)).isEmpty();
    assertThat(send("POST", path, body, Map.of("Cookie", cookie, "X-CSRF-Token", csrf))
        .statusCode()).isEqualTo(200);
    assertThat(new BacklogQueries(database.dataSource()).history(ITEM))
        .extracting(BacklogEvent::actor).containsExactly("lena");
  }

  @Test
  void aSignInLinkWorksOnceAndItsSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    String token = access.issueSignInLink(new Identity("lena", Role.EDITOR, "link"));

    HttpResponse<String> first = send("GET", Access.LINK_PATH + token, null,
        Map.of("X-Forwarded-Proto", "https"));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location")).hasValue("/");
    assertThat(first.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith(Access.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Secure");
    HttpResponse<String> again = send("GET", Access.LINK_PATH + token, null,
        Map.of("Accept-Language", "nl"));
    assertThat(again.statusCode()).isEqualTo(401);
    // a person is told in the board's language, with the English detail beside it
    assertThat(again.body()).contains("<html lang=\"nl\">",
        "Deze aanmeldlink is al gebruikt of verlopen.", "<code>This sign-in link has been used");
    assertThat(send("GET", Access.LINK_PATH + "guessed", null, Map.of()).body())
        .contains("<html lang=\"en\">", "This sign-in link has been used already or has expired.");
  }

  @Test
  void aSessionEndsWhenIdleAndAfterItsMaximumAge() throws Exception {
    String idle = signInWithLink("lena");
    assertThat(status("GET", "/api/items", Map.of("Cookie", idle))).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(status("GET", "/api/items", Map.of("Cookie", idle))).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(31));
    HttpResponse<String> ended = send("GET", "/api/items", null, Map.of("Cookie", idle));
    assertThat(ended.statusCode()).isEqualTo(401);
    assertThat(ended.body()).contains("session has ended");
    HttpResponse<String> page = send("GET", "/", null, Map.of("Cookie", idle,
        "Accept-Language", "nl"));
    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("Meld je aan om deze pagina te zien.",
        "your session has ended; sign in again");

    String busy = signInWithLink("lena");
    for (int i = 0; i < 5; i++) { // active every 20 minutes: never idle
      CLOCK.advance(Duration.ofMinutes(20));
      assertThat(status("GET", "/api/items", Map.of("Cookie", busy))).isEqualTo(200);
    }
    CLOCK.advance(Duration.ofMinutes(20)); // two hours after sign-in
    assertThat(status("GET", "/api/items", Map.of("Cookie", busy))).isEqualTo(401);
  }

  @Test
  void aSessionIsKnownToEveryInstanceOnTheSameDatabase() throws Exception {
    Access sameConfig = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of(
            AccessSettings.API_TOKENS.env(), TestTokens.setting("ed:editor", "vi:viewer")))),
        CLOCK, BoardServer.LOOPBACK, database.dataSource());
    try (BoardServer other = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), sameConfig,
        database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true)) {
      String cookie = signInWithLink("lena"); // on the first instance
      URI otherMe = URI.create("http://127.0.0.1:" + other.port() + "/auth/me");
      JsonNode me = Json.mapper().readTree(send(otherMe, "GET", null, Map.of("Cookie", cookie))
          .body());
      assertThat(me.get("name").asText()).isEqualTo("lena");

      HttpResponse<String> out = send(URI.create("http://127.0.0.1:" + other.port()
          + "/auth/logout"), "POST", "", Map.of("Cookie", cookie, "X-CSRF-Token",
          me.get("csrf").asText()));
      assertThat(out.statusCode()).isEqualTo(204);
      assertThat(status("GET", "/api/items", Map.of("Cookie", cookie))).as("signed out everywhere")
          .isEqualTo(401);
    }
  }

  @Test
  void overHttpsTheBoardServesTlsOnlyMarksItsCookieSecureAndKeepsOpsOnTheManagementPort()
      throws Exception {
    TestCertificates.Issued ca = TestCertificates.authority("CN=Waarom test CA");
    TestCertificates.Issued cert = TestCertificates.leaf("CN=localhost", ca, "localhost");
    HttpsListener.Pem pem = new HttpsListener.Pem(
        TestCertificates.pem(dataDir.resolve("board.crt"), cert.certificate(), ca.certificate()),
        TestCertificates.keyPem(dataDir.resolve("board.key"), cert), null);
    try (BoardServer tls = BoardServer.start(new BoardServer.Listen(BoardServer.LOOPBACK, 0,
            Optional.of(pem), 0), access, database.dataSource(), Clock.systemUTC(),
        Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true,
        () -> true)) {
      HttpClient https = HttpClient.newBuilder().sslContext(TestCertificates.client(ca, null))
          .followRedirects(HttpClient.Redirect.NEVER).build();
      URI base = URI.create("https://localhost:" + tls.port());
      String token = access.issueSignInLink(new Identity("noor", Role.VIEWER, "link"));
      HttpResponse<String> link = https.send(HttpRequest.newBuilder(
          base.resolve(Access.LINK_PATH + token)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(link.statusCode()).isEqualTo(302);
      String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("; Secure", "HttpOnly");
      HttpResponse<String> items = https.send(HttpRequest.newBuilder(base.resolve("/api/items"))
          .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(items.statusCode()).isEqualTo(200);
      assertThat(items.headers().firstValue("Strict-Transport-Security")).isPresent();
      assertThat(https.send(HttpRequest.newBuilder(base.resolve("/metrics"))
          .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as("ops off the public port")
          .isEqualTo(404);

      URI management = URI.create("http://127.0.0.1:" + tls.managementPort());
      assertThat(tls.managementPort()).isPositive().isNotEqualTo(tls.port());
      assertThat(send(management.resolve("/healthy"), "GET", null, Map.of()).statusCode())
          .isEqualTo(200);
      assertThat(send(management.resolve("/metrics"), "GET", null, Map.of()).statusCode())
          .isEqualTo(200);
      int plain;
      try {
        plain = send(URI.create("http://127.0.0.1:" + tls.port() + "/api/openapi.json"), "GET",
            null, Map.of()).statusCode();
      } catch (java.io.IOException e) {
        plain = -1; // the TLS listener closed the connection
      }
      assertThat(plain).as("no plain HTTP on the TLS port").isNotEqualTo(200);
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    Map<String, String> viewer = Map.of("Authorization", TestTokens.bearer("vi"));
    for (String path : List.of("/", "/items/" + ITEM, "/api/items", "/static/board.js",
        "/healthy", "/api/openapi.json", "/no-such-page")) {
      for (Map<String, String> headers : List.of(viewer, Map.<String, String>of())) {
        HttpResponse<String> r = send("GET", path, null, headers);
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
            .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
      }
    }
    assertThat(send("GET", "/api/items", null, Map.of("Authorization", TestTokens.bearer("vi"),
        "X-Forwarded-Proto", "https")).headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    String page = send("GET", "/items/" + ITEM, null, viewer).body();
    assertThat(page).doesNotContain("<script>", " onsubmit=", " onclick=", "name=\"actor\"");
  }

  @Test
  void withNothingConfiguredOnlyLoopbackReadsAreOpenAndNobodyChangesAnything() throws Exception {
    try (BoardServer loopback = BoardServer.start(0, database.dataSource(), Clock.systemUTC(),
            Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true,
            () -> true);
        BoardServer everywhere = BoardServer.start(BoardServer.Listen.plain("0.0.0.0", 0),
            Access.create(AccessConfig.none(), Clock.systemUTC(), "0.0.0.0",
                database.dataSource()),
            database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true)) {
      assertThat(status(loopback, "GET", "/api/items")).isEqualTo(200);
      assertThat(status(loopback, "GET", "/")).isEqualTo(200);
      assertThat(status(loopback, "POST", "/api/items/" + ITEM + "/status")).isEqualTo(401);
      assertThat(status(everywhere, "GET", "/api/items")).isEqualTo(401);
      assertThat(status(everywhere, "GET", "/healthy")).isEqualTo(200);
      assertThat(status(everywhere, "POST", "/api/items/" + ITEM + "/status")).isEqualTo(401);
    }
    assertThat(new BacklogQueries(database.dataSource()).history(ITEM)).isEmpty();
  }

  private static String signInWithLink(String user) throws Exception {
    String token = access.issueSignInLink(new Identity(user, Role.EDITOR, "link"));
    HttpResponse<String> r = send("GET", Access.LINK_PATH + token, null, Map.of());
    assertThat(r.statusCode()).isEqualTo(302);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static int status(BoardServer on, String method, String path) throws Exception {
    return send(URI.create("http://127.0.0.1:" + on.port() + path), method, "{\"status\":\"triaged\"}",
        Map.of()).statusCode();
  }

  /** The status of a request; the event stream's body is not read (it never ends). */
  private static int status(String method, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = request(URI.create("http://localhost:" + server.port() + path), method,
        method.equals("GET") ? null : "{\"status\":\"triaged\"}", headers);
    HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    r.body().close();
    return r.statusCode();
  }

  private static HttpResponse<String> send(String method, String path, String body,
      Map<String, String> headers) throws Exception {
    return send(URI.create("http://localhost:" + server.port() + path), method, body, headers);
  }

  private static HttpResponse<String> send(URI uri, String method, String body,
      Map<String, String> headers) throws Exception {
    return HTTP.send(request(uri, method, body, headers).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(URI uri, String method, String body,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    return b;
  }

  /** A clock the test moves forward; sessions and links expire by it. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

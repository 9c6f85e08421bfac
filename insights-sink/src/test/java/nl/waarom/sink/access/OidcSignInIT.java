package nl.waarom.sink.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Json;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenID Connect sign-in against a real provider in the test JVM (mock-oauth2-server, answering
 * its own sign-in form as a browser would): the role comes from the groups claim, someone with no
 * Waarom group is refused, a sign-in completes only in the browser that started it and only once,
 * and the return path never leaves the board. The browser test covers the same flow in Chromium.
 */
class OidcSignInIT {
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static MockOAuth2Server provider;
  private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects

  @BeforeAll
  static void start() throws Exception {
    provider = new MockOAuth2Server(new OAuth2Config(true));
    provider.start();
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    Insight spike = Insight.newBuilder(Fixtures.spike("refund", Fixtures.T0, 40, 300.0)).build();
    new SinkRepository(database.dataSource()).write(List.of(InsightRow.from(spike)), List.of());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access(), database.dataSource(),
        Clock.systemUTC(), Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true, () -> true);
  }

  /** The sign-in configuration every instance of this test shares. */
  private static Access access() {
    return Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of(
        AccessSettings.OIDC_ISSUER.env(), provider.issuerUrl("company").toString(),
        AccessSettings.OIDC_CLIENT_ID.env(), "waarom-board",
        AccessSettings.OIDC_CLIENT_SECRET.env(), "board-secret",
        AccessSettings.OIDC_ROLES_CLAIM.env(), "roles",
        AccessSettings.OIDC_EDITOR_VALUES.env(), "improvement-team",
        AccessSettings.OIDC_VIEWER_VALUES.env(), "customer-service,management"))),
        Clock.systemUTC(), BoardServer.LOOPBACK, database.dataSource());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  void thePersonsRoleComesFromTheRolesClaim() throws Exception {
    String editor = signIn("bram", "{\"email\":\"bram@example.com\",\"roles\":[\"improvement-team\"]}",
        "/items/spike.refund");
    String viewer = signIn("carla", "{\"preferred_username\":\"carla\",\"roles\":\"management\"}",
        "/");

    JsonNode asEditor = me(editor);
    assertThat(asEditor.get("name").asText()).isEqualTo("bram@example.com");
    assertThat(asEditor.get("role").asText()).isEqualTo("editor");
    assertThat(asEditor.get("via").asText()).isEqualTo("oidc");
    JsonNode asViewer = me(viewer);
    assertThat(asViewer.get("name").asText()).isEqualTo("carla");
    assertThat(asViewer.get("role").asText()).isEqualTo("viewer");

    String change = "{\"status\":\"triaged\"}";
    assertThat(post(viewer, asViewer.get("csrf").asText(), change).statusCode()).isEqualTo(403);
    HttpResponse<String> done = post(editor, asEditor.get("csrf").asText(), change);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(get("/api/items/spike.refund", editor).body())
        .at("/history/0/actor").asText()).isEqualTo("bram@example.com");
  }

  @Test
  void someoneWithoutAWaaromRoleIsRefusedAtSignIn() throws Exception {
    Login login = startLogin("/");
    HttpResponse<String> back = callback(answerProvider(login, "dirk",
        "{\"roles\":[\"finance\"]}"), login.stateCookie());

    assertThat(back.statusCode()).isEqualTo(401);
    assertThat(back.body()).contains("dirk has no Waarom role");
    assertThat(back.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(Access.SESSION_COOKIE + "=") && !c.contains("Max-Age=0"));
  }

  @Test
  void aSignInCompletesOnlyInTheBrowserThatStartedItAndOnlyOnce() throws Exception {
    Login login = startLogin("/");
    URI redirect = answerProvider(login, "eve", "{\"roles\":[\"improvement-team\"]}");

    assertThat(callback(redirect, null).statusCode()).as("no state cookie").isEqualTo(401);
    Login other = startLogin("/");
    assertThat(callback(redirect, other.stateCookie()).statusCode()).as("another browser's state")
        .isEqualTo(401);
    assertThat(callback(redirect, login.stateCookie()).statusCode()).isEqualTo(302);
    assertThat(callback(redirect, login.stateCookie()).statusCode()).as("used once")
        .isEqualTo(401);
  }

  @Test
  void aSignInStartedOnOneInstanceCompletesOnAnother() throws Exception {
    try (BoardServer other = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access(),
        database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true)) {
      Login login = startLogin("/");
      URI back = answerProvider(login, "gus", "{\"roles\":[\"improvement-team\"]}");
      URI onOther = URI.create("http://localhost:" + other.port() + back.getRawPath() + "?"
          + back.getRawQuery());

      HttpResponse<String> done = callback(onOther, login.stateCookie());

      assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
      String session = cookie(done, Access.SESSION_COOKIE);
      assertThat(me(session).get("name").asText()).as("known on the first instance too")
          .isEqualTo("gus");
    }
  }

  @Test
  void anAnonymousPageGoesToSignInAndTheWayBackStaysOnTheBoard() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(board("/items/spike.refund")).GET());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValue("/auth/login?next=%2Fitems%2Fspike.refund");
    HttpResponse<String> api = send(HttpRequest.newBuilder(board("/api/items")).GET());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"waarom\"");

    Login login = startLogin("//evil.example/steal");
    HttpResponse<String> back = callback(answerProvider(login, "fay",
        "{\"roles\":[\"customer-service\"]}"), login.stateCookie());
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue("/");
  }

  /** A started sign-in: the provider's authorization URL and this browser's state cookie. */
  private record Login(URI authorize, String stateCookie) {}

  private static Login startLogin(String next) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(board("/auth/login?next="
        + URLEncoder.encode(next, StandardCharsets.UTF_8))).GET());
    assertThat(r.statusCode()).isEqualTo(302);
    URI authorize = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(provider.baseUrl().toString())
        .contains("code_challenge_method=S256", "nonce=", "state=");
    return new Login(authorize, cookie(r, Access.LOGIN_COOKIE));
  }

  /** Fills in the provider's sign-in form; returns where the provider sends the browser back. */
  private static URI answerProvider(Login login, String user, String claims) throws Exception {
    HttpResponse<String> form = send(HttpRequest.newBuilder(login.authorize()).GET());
    assertThat(form.body()).contains("name=\"username\"");
    String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&claims="
        + URLEncoder.encode(claims, StandardCharsets.UTF_8);
    HttpResponse<String> answer = send(HttpRequest.newBuilder(login.authorize())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).isEqualTo(302);
    URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/auth/callback");
    return back;
  }

  private static HttpResponse<String> callback(URI redirect, String stateCookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(redirect).GET();
    if (stateCookie != null) {
      b.header("Cookie", stateCookie);
    }
    return send(b);
  }

  /** Signs in through the provider; returns the session cookie. */
  private static String signIn(String user, String claims, String next) throws Exception {
    Login login = startLogin(next);
    HttpResponse<String> back = callback(answerProvider(login, user, claims), login.stateCookie());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue(next);
    return cookie(back, Access.SESSION_COOKIE);
  }

  private static String cookie(HttpResponse<?> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  private static JsonNode me(String session) throws Exception {
    return Json.mapper().readTree(get("/auth/me", session).body());
  }

  private static HttpResponse<String> get(String path, String session) throws Exception {
    return send(HttpRequest.newBuilder(board(path)).header("Cookie", session).GET());
  }

  private static HttpResponse<String> post(String session, String csrf, String json)
      throws Exception {
    return send(HttpRequest.newBuilder(board("/api/items/spike.refund/status"))
        .header("Cookie", session).header(Access.CSRF_HEADER, csrf)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static URI board(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

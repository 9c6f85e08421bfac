package nl.waarom.sink.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.waarom.sink.db.Json;

/**
 * The sign-in routes under /auth: start an OpenID Connect sign-in ({@code /auth/login}) and
 * complete it ({@code /auth/callback}), redeem a one-time link ({@code /auth/link}), ask who is
 * signed in and the session's CSRF token ({@code /auth/me}), and sign out ({@code POST
 * /auth/logout}). A successful sign-in always starts a fresh session (no fixation). What a person
 * is told when a sign-in does not work is shown by the server's {@link AccessGate.RefusalPage}.
 */
final class SignInRoutes {
  private final Access access;
  private final AccessGate.RefusalPage page;

  private SignInRoutes(Access access, AccessGate.RefusalPage page) {
    this.access = access;
    this.page = page;
  }

  static void install(RoutesConfig routes, Access access, AccessGate.RefusalPage page) {
    SignInRoutes r = new SignInRoutes(access, page);
    routes.get("/auth/login", r::login);
    routes.get("/auth/callback", r::callback);
    routes.get("/auth/link", r::link);
    routes.get("/auth/me", r::me);
    routes.post("/auth/logout", r::logout, Role.VIEWER);
  }

  private void login(Context ctx) {
    noStore(ctx);
    Optional<OidcLogin> oidc = access.oidc();
    if (oidc.isEmpty()) {
      page.show(ctx, 404, AccessGate.Refusal.NOT_CONFIGURED, "Sign-in through a provider is not"
          + " configured here (WAAROM_OIDC_ISSUER).");
      return;
    }
    try {
      OidcLogin.Start start = oidc.get().start(redirectUri(ctx), next(ctx.queryParam("next")));
      cookie(ctx, Access.LOGIN_COOKIE, start.state(), "/auth",
          (int) OidcLogin.PENDING_FOR.toSeconds());
      ctx.redirect(start.authorizationUri().toString());
    } catch (OidcLogin.LoginFailed e) {
      page.show(ctx, 503, AccessGate.Refusal.UNAVAILABLE, e.getMessage());
    }
  }

  private void callback(Context ctx) {
    noStore(ctx);
    Optional<OidcLogin> oidc = access.oidc();
    if (oidc.isEmpty()) {
      page.show(ctx, 404, AccessGate.Refusal.NOT_CONFIGURED,
          "Sign-in through a provider is not configured here.");
      return;
    }
    String state = ctx.cookie(Access.LOGIN_COOKIE);
    cookie(ctx, Access.LOGIN_COOKIE, "", "/auth", 0);
    try {
      OidcLogin.Done done = oidc.get().complete(ctx.queryParamMap(), state);
      signIn(ctx, done.identity(), done.next());
    } catch (OidcLogin.LoginFailed e) {
      page.show(ctx, 401, AccessGate.Refusal.FAILED, "Sign-in failed: " + e.getMessage()
          + ". Sign in again: /auth/login");
    }
  }

  private void link(Context ctx) {
    noStore(ctx);
    Optional<Identity> who = access.links().redeem(ctx.queryParam("token"));
    if (who.isEmpty()) {
      page.show(ctx, 401, AccessGate.Refusal.LINK_SPENT, "This sign-in link has been used already"
          + " or has expired. Restart the local stack for a new one, or sign in another way.");
      return;
    }
    signIn(ctx, who.get(), "/");
  }

  private void me(Context ctx) {
    noStore(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    Optional<Identity> who = Access.identity(ctx);
    body.put("signedIn", who.isPresent());
    who.ifPresent(i -> {
      body.put("name", i.name());
      body.put("role", i.role().value());
      body.put("via", i.via());
    });
    Optional.ofNullable(ctx.cookie(Access.SESSION_COOKIE)).flatMap(access.sessions()::use)
        .ifPresent(s -> body.put("csrf", s.csrf()));
    body.put("signInUrl", access.oidc().isPresent() ? "/auth/login" : null);
    ctx.status(200).contentType("application/json; charset=utf-8").result(Json.write(body));
  }

  private void logout(Context ctx) {
    access.sessions().close(ctx.cookie(Access.SESSION_COOKIE));
    cookie(ctx, Access.SESSION_COOKIE, "", "/", 0);
    ctx.status(204);
  }

  private void signIn(Context ctx, Identity identity, String next) {
    Sessions.Session session = access.sessions().open(identity);
    cookie(ctx, Access.SESSION_COOKIE, session.id(), "/",
        (int) access.sessions().maxAge().toSeconds());
    ctx.redirect(next);
  }

  /** The callback URL: configured, or this server's address as the browser used it. */
  private URI redirectUri(Context ctx) {
    URI configured = access.config().oidc().orElseThrow().redirectUri();
    return configured != null ? configured
        : URI.create((AccessGate.https(ctx) ? "https" : "http") + "://" + ctx.host()
            + "/auth/callback");
  }

  /** Only a path on this board: never another site, so the sign-in is no open redirect. */
  static String next(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//")
        && !next.startsWith("/\\") ? next : "/";
  }

  private static void cookie(Context ctx, String name, String value, String path, int maxAge) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age="
        + maxAge + "; HttpOnly; SameSite=Lax" + (AccessGate.https(ctx) ? "; Secure" : ""));
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  /** A plain-text answer for people: nothing in it is interpreted by the browser. */
  static void text(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
  }
}

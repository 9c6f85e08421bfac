package nl.waarom.sink.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarom.sink.db.Json;

/**
 * Installs access control on the sink's server. Every route declares the {@link Role} it needs
 * (none: public). Before a matched route runs, the gate establishes who asks (an API token in
 * {@code Authorization: Bearer}, else the session cookie) and refuses: 401 without an identity
 * (JSON under /api, a redirect to sign-in for pages), 403 with too weak a role, and 403 for a
 * change made with the session cookie but without the session's CSRF token in
 * {@value Access#CSRF_HEADER}. Every response carries a content security policy and the usual
 * security headers.
 */
public final class AccessGate {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** Why a person in a browser is refused or cannot sign in. */
  public enum Refusal {
    /** 401: a page needs signing in. */
    SIGN_IN_NEEDED,
    /** 403: the role is too weak, or a change lacks the session's CSRF token. */
    FORBIDDEN,
    /** 404: sign-in through a provider is not configured. */
    NOT_CONFIGURED,
    /** 503: the provider cannot be reached. */
    UNAVAILABLE,
    /** 401: the provider's answer did not sign anyone in. */
    FAILED,
    /** 401: a one-time sign-in link was used already or has expired. */
    LINK_SPENT
  }

  /**
   * Shows a refusal, or a sign-in that did not work, to a person in a browser, e.g. in the page's
   * language. The default answers the English message as plain text.
   */
  @FunctionalInterface
  public interface RefusalPage {
    /**
     * Answers the request with a page.
     *
     * @param status the HTTP status
     * @param why what went wrong; never null
     * @param message what went wrong and what to do, in English; never null
     */
    void show(Context ctx, int status, Refusal why, String message);
  }

  private final Access access;
  private final RefusalPage refusalPage;

  private AccessGate(Access access, RefusalPage refusalPage) {
    this.access = access;
    this.refusalPage = refusalPage;
  }

  /** Adds the headers, the checks, the refusal rendering (plain text) and the /auth routes. */
  public static void install(RoutesConfig routes, Access access) {
    install(routes, access, (ctx, status, why, message) -> SignInRoutes.text(ctx, status,
        message));
  }

  /**
   * Adds the headers, the checks, the refusal rendering and the /auth routes; a refused page
   * request is answered by {@code refusalPage}.
   */
  public static void install(RoutesConfig routes, Access access, RefusalPage refusalPage) {
    AccessGate gate = new AccessGate(access, refusalPage);
    routes.before(AccessGate::securityHeaders);
    routes.beforeMatched(gate::check);
    routes.exception(AccessDenied.class, gate::refuse);
    SignInRoutes.install(routes, access, refusalPage);
  }

  static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    if (https(ctx)) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  static boolean https(Context ctx) {
    return "https".equals(ctx.scheme())
        || "https".equalsIgnoreCase(Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse(""));
  }

  private void check(Context ctx) {
    Role needed = needed(ctx.routeRoles());
    if (needed == null && !ctx.path().startsWith("/auth/")) {
      return; // public: no need to know who asks (and no database read for a probe)
    }
    Caller caller = caller(ctx);
    caller.identity().ifPresent(i -> Access.identify(ctx, i));
    if (needed == null) {
      return;
    }
    if (caller.identity().isEmpty()) {
      if (access.openReads() && needed == Role.VIEWER) {
        return;
      }
      throw AccessDenied.unauthenticated(caller.problem());
    }
    Identity who = caller.identity().get();
    if (!who.role().covers(needed)) {
      throw AccessDenied.forbidden(who.name() + " is a " + who.role().value()
          + "; this needs an " + needed.value());
    }
    if (caller.csrf() != null && !SAFE_METHODS.contains(ctx.method().name())
        && !Secrets.same(caller.csrf(), ctx.header(Access.CSRF_HEADER))) {
      throw AccessDenied.forbidden("missing or wrong " + Access.CSRF_HEADER
          + " header: reload the page");
    }
  }

  /** Who asks; {@code csrf} is the session's token when the session cookie identified them. */
  private record Caller(Optional<Identity> identity, String csrf, String problem) {}

  private Caller caller(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return new Caller(Optional.empty(), null, "only Authorization: Bearer <API token> is "
            + "accepted");
      }
      Optional<Identity> token = access.config().apiTokens().verify(authorization.substring(7));
      return new Caller(token, null, "unknown API token");
    }
    String cookie = ctx.cookie(Access.SESSION_COOKIE);
    if (cookie != null) {
      Optional<Sessions.Session> session = access.sessions().use(cookie);
      if (session.isPresent()) {
        return new Caller(Optional.of(session.get().identity()), session.get().csrf(), null);
      }
      return new Caller(Optional.empty(), null, "your session has ended; sign in again");
    }
    return new Caller(Optional.empty(), null,
        "sign in, or present an API token as Authorization: Bearer <token>");
  }

  private static Role needed(Set<RouteRole> roles) {
    Role needed = null;
    for (RouteRole r : roles) {
      if (r instanceof Role role && (needed == null || role.covers(needed))) {
        needed = role;
      }
    }
    return needed;
  }

  private void refuse(AccessDenied e, Context ctx) {
    boolean page = "GET".equals(ctx.method().name()) && !ctx.path().startsWith("/api/")
        && !ctx.path().startsWith("/fragments/");
    if (e.status() == 401 && page && access.oidc().isPresent()) {
      ctx.redirect("/auth/login?next=" + java.net.URLEncoder.encode(ctx.path(),
          java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"waarom\"");
    }
    if (page) {
      refusalPage.show(ctx, e.status(), e.status() == 401 ? Refusal.SIGN_IN_NEEDED
          : Refusal.FORBIDDEN, e.getMessage());
      return;
    }
    ctx.status(e.status()).contentType("application/json; charset=utf-8")
        .result(Json.write(Map.of("error", e.getMessage(),
            "status", e.status() == 401 ? "unauthenticated" : "forbidden")));
  }
}

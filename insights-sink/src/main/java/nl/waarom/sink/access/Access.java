package nl.waarom.sink.access;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import nl.waarom.sink.db.SignInStore;

/**
 * Who may do what on one sink's HTTP server: the configured sign-in ways, the live sessions and
 * the one-time links. With nothing configured, nobody changes anything (changes need an identity)
 * and, only while the server listens on a loopback address, anyone on this machine may read.
 */
public final class Access {
  static final String SESSION_COOKIE = "waarom_session";
  static final String LOGIN_COOKIE = "waarom_login";
  /** The header the board's script sends the session's CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** How long a one-time sign-in link stays valid. */
  public static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);
  /** Where a one-time sign-in link points, before its token. */
  public static final String LINK_PATH = "/auth/link?token=";
  private static final String IDENTITY = "waarom.identity";

  private final AccessConfig config;
  private final Sessions sessions;
  private final SignInLinks links;
  private final OidcLogin oidc; // may be null
  private final boolean openReads;

  private Access(AccessConfig config, Clock clock, boolean openReads, SignInStore store) {
    this.config = config;
    this.sessions = new Sessions(store, clock, config.idleTimeout(), config.maxAge());
    this.links = new SignInLinks(clock, LINK_VALID_FOR);
    this.oidc = config.oidc().map(o -> new OidcLogin(o, clock, store)).orElse(null);
    this.openReads = openReads;
  }

  /**
   * @param clock the clock sessions and links expire by; never null
   * @param bindAddress the address the server listens on: reads are open without sign-in only
   *     when nothing is configured and this is a loopback address
   * @param dataSource the sink's database, which keeps the sessions; never null
   */
  public static Access create(AccessConfig config, Clock clock, String bindAddress,
      DataSource dataSource) {
    return new Access(config, clock, !config.configured() && isLoopback(bindAddress),
        new SignInStore(dataSource));
  }

  /** Issues a one-time sign-in token for {@code identity}; open {@link #LINK_PATH} + token. */
  public String issueSignInLink(Identity identity) {
    return links.issue(identity);
  }

  /** The authenticated identity of this request; empty for an anonymous one. */
  public static Optional<Identity> identity(Context ctx) {
    return Optional.ofNullable(ctx.attribute(IDENTITY));
  }

  /** The actor of a change: the authenticated identity (the gate has made sure there is one). */
  public static String actor(Context ctx) {
    return identity(ctx).map(Identity::name).orElseThrow(() -> AccessDenied.unauthenticated(
        "sign in or present an API token to make changes"));
  }

  static void identify(Context ctx, Identity identity) {
    ctx.attribute(IDENTITY, identity);
  }

  /** One line for the start-up log: how people and scripts sign in, and what is open. */
  public String describe() {
    StringBuilder sb = new StringBuilder("sign-in: ");
    sb.append(config.oidc().map(o -> "OpenID Connect via " + o.issuer()).orElse("no OpenID Connect"))
        .append("; API tokens ").append(config.apiTokens());
    if (openReads) {
      sb.append("; nothing configured, listening on loopback only: anyone on this machine may "
          + "read; changes need a sign-in (WAAROM_OIDC_ISSUER, WAAROM_API_TOKENS, or a one-time "
          + "link the local stack prints)");
    } else if (!config.configured()) {
      sb.append("; nothing configured: every page and API call answers 401 "
          + "(set WAAROM_OIDC_ISSUER or WAAROM_API_TOKENS)");
    }
    return sb.toString();
  }

  AccessConfig config() {
    return config;
  }

  Sessions sessions() {
    return sessions;
  }

  SignInLinks links() {
    return links;
  }

  Optional<OidcLogin> oidc() {
    return Optional.ofNullable(oidc);
  }

  boolean openReads() {
    return openReads;
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

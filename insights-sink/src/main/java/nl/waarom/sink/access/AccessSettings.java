package nl.waarom.sink.access;

import java.time.Duration;
import java.util.List;
import nl.waarom.platform.Setting;

/**
 * The sign-in part of the sink's configuration catalogue: the OpenID Connect provider people sign
 * in with and how its claims map to roles, the API tokens of scripts, and how long sessions last.
 * {@link AccessConfig#from} reads and cross-checks them.
 */
public final class AccessSettings {
  public static final Setting<String> OIDC_ISSUER = Setting.string(
      "WAAROM_OIDC_ISSUER", "",
      "Issuer URL of the OpenID Connect provider people sign in with (company single sign-on), "
          + "e.g. https://login.example.com/realms/main; its /.well-known/openid-configuration "
          + "names the endpoints and keys. Empty: no sign-in for people.");
  public static final Setting<String> OIDC_CLIENT_ID = Setting.string(
      "WAAROM_OIDC_CLIENT_ID", "",
      "Client id of the board at the OpenID Connect provider; required with WAAROM_OIDC_ISSUER.");
  public static final Setting<String> OIDC_CLIENT_SECRET = Setting.secret(
      "WAAROM_OIDC_CLIENT_SECRET", "",
      "Client secret of the board at the provider; empty for a public client (the sign-in "
          + "always uses PKCE).");
  public static final Setting<String> OIDC_REDIRECT_URL = Setting.string(
      "WAAROM_OIDC_REDIRECT_URL", "",
      "Where the provider sends people back, registered with the provider: the board's "
          + "address and /auth/callback, e.g. https://waarom.example.com/auth/callback. "
          + "Empty: derived from the address the browser used.");
  public static final Setting<String> OIDC_SCOPES = Setting.string(
      "WAAROM_OIDC_SCOPES", "openid email profile",
      "Scopes asked of the provider, separated by spaces; openid is always asked.");
  public static final Setting<String> OIDC_ROLES_CLAIM = Setting.string(
      "WAAROM_OIDC_ROLES_CLAIM", "groups",
      "ID-token claim holding a person's groups or roles (a list or one string), which "
          + "WAAROM_OIDC_EDITOR_VALUES and WAAROM_OIDC_VIEWER_VALUES map to Waarom's roles.");
  public static final Setting<List<String>> OIDC_EDITOR_VALUES = new Setting<>(
      "WAAROM_OIDC_EDITOR_VALUES", "list", "waarom-editors", false,
      "Comma-separated values of the roles claim that make a person an editor (changes items, "
          + "promotes reasons).",
      AccessSettings::list);
  public static final Setting<List<String>> OIDC_VIEWER_VALUES = new Setting<>(
      "WAAROM_OIDC_VIEWER_VALUES", "list", "", false,
      "Comma-separated values of the roles claim that make a person a viewer (reads the board "
          + "and the API). Empty: everyone the provider signs in is at least a viewer.",
      AccessSettings::list);
  public static final Setting<ApiTokens> API_TOKENS = new Setting<>(
      "WAAROM_API_TOKENS", "tokens", "", true,
      "API tokens for scripts (sent as Authorization: Bearer), comma-separated "
          + "name:role:sha256-hex entries, e.g. nightly-report:viewer:9f86d081…; "
          + "role viewer or editor; the name is recorded as the actor. Only the hash is configured.",
      ApiTokens::parse);
  public static final Setting<Duration> SESSION_IDLE_TIMEOUT = Setting.duration(
      "WAAROM_SESSION_IDLE_TIMEOUT", "30m",
      "A signed-in person's session ends after this long without a request.");
  public static final Setting<Duration> SESSION_MAX_AGE = Setting.duration(
      "WAAROM_SESSION_MAX_AGE", "12h",
      "A session ends this long after sign-in however active it is; then the person signs in "
          + "again.");

  private AccessSettings() {}

  /** Every setting, in the order they are logged. */
  public static List<Setting<?>> all() {
    return List.of(OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL, OIDC_SCOPES,
        OIDC_ROLES_CLAIM, OIDC_EDITOR_VALUES, OIDC_VIEWER_VALUES, API_TOKENS, SESSION_IDLE_TIMEOUT,
        SESSION_MAX_AGE);
  }

  private static List<String> list(String text) {
    return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }
}

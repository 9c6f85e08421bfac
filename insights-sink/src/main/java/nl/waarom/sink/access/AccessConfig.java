package nl.waarom.sink.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.waarom.platform.Config;

/**
 * The sign-in configuration, read from {@link AccessSettings} and cross-checked.
 *
 * @param oidc the OpenID Connect provider; empty when people do not sign in that way
 * @param apiTokens never null, may be empty
 */
public record AccessConfig(Optional<Oidc> oidc, ApiTokens apiTokens, Duration idleTimeout,
    Duration maxAge) {

  /**
   * The provider and the claim mapping.
   *
   * @param clientSecret empty for a public client
   * @param redirectUri null: derived from each request
   * @param viewerValues empty: every signed-in person is at least a viewer
   */
  public record Oidc(URI issuer, String clientId, String clientSecret, URI redirectUri,
      List<String> scopes, String rolesClaim, List<String> editorValues,
      List<String> viewerValues) {}

  /** No sign-in at all: no provider, no tokens. */
  public static AccessConfig none() {
    return new AccessConfig(Optional.empty(), ApiTokens.none(), Duration.ofMinutes(30),
        Duration.ofHours(12));
  }

  /**
   * Reads and cross-checks the settings.
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static AccessConfig from(Config c) {
    Optional<Oidc> oidc = Optional.empty();
    String issuer = c.get(AccessSettings.OIDC_ISSUER).strip();
    if (!issuer.isEmpty()) {
      String clientId = c.get(AccessSettings.OIDC_CLIENT_ID).strip();
      if (clientId.isEmpty()) {
        throw new IllegalArgumentException(AccessSettings.OIDC_CLIENT_ID.env()
            + " is required with " + AccessSettings.OIDC_ISSUER.env());
      }
      String redirect = c.get(AccessSettings.OIDC_REDIRECT_URL).strip();
      oidc = Optional.of(new Oidc(httpUri(AccessSettings.OIDC_ISSUER.env(), issuer), clientId,
          c.get(AccessSettings.OIDC_CLIENT_SECRET),
          redirect.isEmpty() ? null : httpUri(AccessSettings.OIDC_REDIRECT_URL.env(), redirect),
          List.of(c.get(AccessSettings.OIDC_SCOPES).strip().split("\\s+")),
          c.get(AccessSettings.OIDC_ROLES_CLAIM).strip(),
          c.get(AccessSettings.OIDC_EDITOR_VALUES), c.get(AccessSettings.OIDC_VIEWER_VALUES)));
    }
    Duration idle = c.get(AccessSettings.SESSION_IDLE_TIMEOUT);
    Duration max = c.get(AccessSettings.SESSION_MAX_AGE);
    if (idle.isZero() || max.isZero()) {
      throw new IllegalArgumentException(AccessSettings.SESSION_IDLE_TIMEOUT.env() + " and "
          + AccessSettings.SESSION_MAX_AGE.env() + " must be longer than zero");
    }
    return new AccessConfig(oidc, c.get(AccessSettings.API_TOKENS), idle, max);
  }

  /** Whether anyone can sign in at all (a provider or at least one token). */
  public boolean configured() {
    return oidc.isPresent() || !apiTokens.isEmpty();
  }

  private static URI httpUri(String env, String text) {
    try {
      URI uri = URI.create(text);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException(env + " must be an http(s) URL: " + text);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(env + " is not a URL: " + text, e);
    }
  }
}

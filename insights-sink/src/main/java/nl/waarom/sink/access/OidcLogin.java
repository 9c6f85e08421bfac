package nl.waarom.sink.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarom.sink.db.SignInStore;

/**
 * Sign-in of people through OpenID Connect with the Nimbus OAuth 2.0 / OIDC SDK: the
 * authorization code flow with PKCE, a state and a nonce; the provider's endpoints and keys come
 * from its discovery document, and the ID token is validated (signature against the provider's
 * JWKS, issuer, audience, expiry, nonce) before its claims name the person and their role.
 */
public final class OidcLogin {
  /** How long a person may take on the provider's sign-in page. */
  static final Duration PENDING_FOR = Duration.ofMinutes(10);

  /** A started sign-in: where to send the browser, and the state its cookie must carry back. */
  public record Start(URI authorizationUri, String state) {}

  /** The sign-in did not succeed; the message is safe to show. */
  public static final class LoginFailed extends Exception {
    LoginFailed(String message) {
      super(message);
    }

    LoginFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final AccessConfig.Oidc config;
  private final Clock clock;
  private final SignInStore store; // sign-ins in progress, shared by every sink instance
  private volatile OIDCProviderMetadata metadata;
  private volatile IDTokenValidator validator;

  public OidcLogin(AccessConfig.Oidc config, Clock clock, SignInStore store) {
    this.config = config;
    this.clock = clock;
    this.store = store;
  }

  /**
   * Starts a sign-in.
   *
   * @param redirectUri this board's callback, as registered with the provider
   * @param next the board's path to return to afterwards
   */
  public Start start(URI redirectUri, String next) throws LoginFailed {
    OIDCProviderMetadata meta = metadata();
    Instant now = clock.instant();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    Scope scope = new Scope("openid");
    config.scopes().stream().filter(s -> !s.isBlank()).forEach(scope::add);
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
        new ClientID(config.clientId()), redirectUri)
        .endpointURI(meta.getAuthorizationEndpointURI()).state(state).nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256).build();
    store.save(new SignInStore.PendingSignIn(state.getValue(), nonce.getValue(),
        verifier.getValue(), redirectUri.toString(), next, now.plus(PENDING_FOR)), now);
    return new Start(request.toURI(), state.getValue());
  }

  /** The identity and the path to return to, for the provider's redirect back. */
  public record Done(Identity identity, String next) {}

  /**
   * Completes a sign-in from the callback's query parameters.
   *
   * @param browserState the state this browser was given at {@link #start} (its cookie)
   */
  public Done complete(Map<String, List<String>> query, String browserState) throws LoginFailed {
    List<String> states = query.getOrDefault("state", List.of());
    String state = states.isEmpty() ? null : states.getFirst();
    if (state == null || !Secrets.same(state, browserState)) {
      throw new LoginFailed("the sign-in did not start in this browser; start it again");
    }
    SignInStore.PendingSignIn p = store.take(state).orElse(null);
    if (p == null || !clock.instant().isBefore(p.expiresAt())) {
      throw new LoginFailed("the sign-in took too long or was used already; start it again");
    }
    URI redirectUri = URI.create(p.redirectUri());
    try {
      AuthenticationResponse response = AuthenticationResponseParser.parse(redirectUri, query);
      if (!response.indicatesSuccess()) {
        throw new LoginFailed("the provider refused the sign-in: "
            + response.toErrorResponse().getErrorObject().getDescription());
      }
      AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
          response.toSuccessResponse().getAuthorizationCode(), redirectUri,
          new CodeVerifier(p.verifier()));
      OIDCProviderMetadata meta = metadata();
      TokenRequest tokenRequest = config.clientSecret().isEmpty()
          ? new TokenRequest(meta.getTokenEndpointURI(), new ClientID(config.clientId()), grant)
          : new TokenRequest(meta.getTokenEndpointURI(), new ClientSecretBasic(
              new ClientID(config.clientId()), new Secret(config.clientSecret())), grant);
      TokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
      if (!tokens.indicatesSuccess()) {
        throw new LoginFailed("the provider did not issue tokens: "
            + tokens.toErrorResponse().getErrorObject().getDescription());
      }
      IDTokenClaimsSet claims = validator().validate(
          ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(),
          new Nonce(p.nonce()));
      return new Done(identity(claims), p.next());
    } catch (ParseException | IOException e) {
      throw new LoginFailed("the provider's answer could not be read", e);
    } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw new LoginFailed("the provider's ID token is not valid: " + e.getMessage(), e);
    }
  }

  /** The person's name (email, else preferred_username, else subject) and role, from claims. */
  Identity identity(IDTokenClaimsSet claims) throws LoginFailed {
    String name = Optional.ofNullable(claims.getStringClaim("email"))
        .or(() -> Optional.ofNullable(claims.getStringClaim("preferred_username")))
        .orElse(claims.getSubject().getValue());
    List<String> values = values(claims.getClaim(config.rolesClaim()));
    Role role;
    if (values.stream().anyMatch(config.editorValues()::contains)) {
      role = Role.EDITOR;
    } else if (config.viewerValues().isEmpty()
        || values.stream().anyMatch(config.viewerValues()::contains)) {
      role = Role.VIEWER;
    } else {
      throw new LoginFailed(name + " has no Waarom role: ask for one of "
          + config.viewerValues() + " or " + config.editorValues() + " in '"
          + config.rolesClaim() + "'");
    }
    return new Identity(name, role, "oidc");
  }

  private static List<String> values(Object claim) {
    if (claim instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(String.valueOf(claim));
  }

  private OIDCProviderMetadata metadata() throws LoginFailed {
    OIDCProviderMetadata meta = metadata;
    if (meta == null) {
      try {
        meta = OIDCProviderMetadata.resolve(new Issuer(config.issuer()), 5_000, 5_000);
        validator = new IDTokenValidator(meta.getIssuer(), new ClientID(config.clientId()),
            new JWSVerificationKeySelector<>(signatureAlgorithms(meta),
                JWKSourceBuilder.create(meta.getJWKSetURI().toURL()).build()), null);
        metadata = meta;
      } catch (GeneralException | IOException e) {
        throw new LoginFailed("the sign-in provider " + config.issuer()
            + " cannot be reached: " + e.getMessage(), e);
      }
    }
    return meta;
  }

  /**
   * The public-key algorithms the provider says it signs ID tokens with (RS256, ES256, PS256, EdDSA
   * …), RS256 when it says nothing, as the specification makes it the default. Shared-secret (HS*)
   * and unsigned tokens are never accepted.
   */
  static Set<JWSAlgorithm> signatureAlgorithms(OIDCProviderMetadata meta) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    if (meta.getIDTokenJWSAlgs() != null) {
      for (JWSAlgorithm a : meta.getIDTokenJWSAlgs()) {
        if (JWSAlgorithm.Family.SIGNATURE.contains(a)) {
          algorithms.add(a);
        }
      }
    }
    if (algorithms.isEmpty()) {
      algorithms.add(JWSAlgorithm.RS256);
    }
    return algorithms;
  }

  private IDTokenValidator validator() throws LoginFailed {
    metadata();
    return validator;
  }
}

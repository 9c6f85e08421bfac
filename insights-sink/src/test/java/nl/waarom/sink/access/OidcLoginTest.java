package nl.waarom.sink.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidcLoginTest {

  private static OIDCProviderMetadata provider(List<JWSAlgorithm> algorithms) {
    OIDCProviderMetadata meta = new OIDCProviderMetadata(new Issuer("https://login.example.com"),
        List.of(SubjectType.PUBLIC), URI.create("https://login.example.com/jwks"));
    meta.setIDTokenJWSAlgs(algorithms);
    return meta;
  }

  @Test
  void acceptsThePublicKeyAlgorithmsTheProviderSignsWith() {
    assertThat(OidcLogin.signatureAlgorithms(provider(List.of(JWSAlgorithm.ES256,
        JWSAlgorithm.PS256, JWSAlgorithm.RS256))))
        .containsExactly(JWSAlgorithm.ES256, JWSAlgorithm.PS256, JWSAlgorithm.RS256);
  }

  @Test
  void neverAcceptsSharedSecretOrUnsignedTokens() {
    assertThat(OidcLogin.signatureAlgorithms(provider(List.of(JWSAlgorithm.HS256,
        new JWSAlgorithm("none"), JWSAlgorithm.EdDSA))))
        .containsExactly(JWSAlgorithm.EdDSA);
  }

  @Test
  void rs256WhenTheProviderSaysNothing() {
    assertThat(OidcLogin.signatureAlgorithms(provider(null))).containsExactly(JWSAlgorithm.RS256);
  }
}

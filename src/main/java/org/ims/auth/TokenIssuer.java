package org.ims.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ims.site.Membership;
import org.ims.user.User;

/**
 * Signs access tokens (RS256) that MicroProfile JWT verifies with the matching public key ({@code
 * mp.jwt.verify.publickey.location}). Claims: subject (user id), {@code upn}, {@code groups} (the
 * role at the active site), {@code sites} (the user's site ids), {@code site} (the active site),
 * {@code sid} (the session, for revocation), {@code jti}, issuer, issue and expiry times.
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject
  @ConfigProperty(name = "ims.jwt.private-key.location")
  String privateKeyLocation;

  @Inject AuthSettings settings;

  private JWSSigner signer;

  /** Loads the key at start-up, so that a missing or broken key stops the deployment at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (signer == null) {
      throw new IllegalStateException("JWT signing key not loaded");
    }
  }

  @PostConstruct
  void loadKey() {
    Path path =
        privateKeyLocation.startsWith("file:")
            ? Path.of(URI.create(privateKeyLocation))
            : Path.of(privateKeyLocation);
    try {
      String pem = Files.readString(path);
      byte[] der =
          Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      signer = new RSASSASigner(key);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot read the JWT signing key (PKCS#8 PEM) at ims.jwt.private-key.location="
              + privateKeyLocation
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A signed access token; {@code expiresAt} tells clients when to refresh. */
  public record AccessToken(String token, Instant expiresAt) {}

  public AccessToken issue(User user, Membership active, List<Long> siteIds, UUID sessionId) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(settings.tokenLifetime());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .subject(user.id().toString())
            .claim("upn", user.username())
            .claim("groups", List.of(active.role().name()))
            .claim("sites", siteIds)
            .claim("site", active.site().id())
            .claim("sid", sessionId.toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign an access token", e);
    }
    return new AccessToken(jwt.serialize(), expiresAt);
  }
}

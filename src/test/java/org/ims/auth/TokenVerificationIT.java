package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Tokens that are not exactly what the server issued are refused with 401 and the envelope. */
class TokenVerificationIT {

  @Test
  void aTamperedTokenIsRefused() {
    String token = Api.token("viewer", "Viewer#2026pass");
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace("\"VIEWER\"", "\"ADMINISTRATOR\"").getBytes());
    assertRefused(parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    assertRefused(
        sign(
            claims("ims", Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)),
            serverKey()));
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    assertRefused(
        sign(claims("someone-else", Instant.now(), Instant.now().plusSeconds(3600)), serverKey()));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey other = generator.generateKeyPair().getPrivate();
    assertRefused(sign(claims("ims", Instant.now(), Instant.now().plusSeconds(3600)), other));
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() throws Exception {
    assertRefused(
        new PlainJWT(claims("ims", Instant.now(), Instant.now().plusSeconds(3600))).serialize());
  }

  @Test
  void aWellSignedTokenOfTheServerIsAccepted() throws Exception {
    // The control: the same construction with the server's key and issuer passes.
    JsonObject session = Api.session("viewer", "Viewer#2026pass");
    JsonObject real = AuthApiIT.claims(session.getString("token"));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims("ims", Instant.now(), Instant.now().plusSeconds(3600)))
            .subject(real.getString("sub"))
            .claim("site", real.getJsonNumber("site").longValue())
            .claim("sid", real.getString("sid"))
            .build();
    assertEquals(200, Api.get(sign(claims, serverKey()), "/api/auth/me").status());
  }

  @Test
  void aTokenCarryingAnotherUsersSessionIsRefused() throws Exception {
    JsonObject viewer =
        AuthApiIT.claims(Api.session("viewer", "Viewer#2026pass").getString("token"));
    JsonObject editor =
        AuthApiIT.claims(Api.session("editor", "Editor#2026pass").getString("token"));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims("ims", Instant.now(), Instant.now().plusSeconds(3600)))
            .subject(viewer.getString("sub"))
            .claim("site", viewer.getJsonNumber("site").longValue())
            .claim("sid", editor.getString("sid"))
            .build();
    Http.Reply reply = Api.get(sign(claims, serverKey()), "/api/auth/me");
    assertEquals(401, reply.status(), reply.body());
    assertEquals("SESSION_ENDED", reply.json().getJsonObject("error").getString("code"));
  }

  private static void assertRefused(String token) {
    Http.Reply reply = Api.get(token, "/api/auth/me");
    assertEquals(401, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals("error", body.getString("status"));
    assertEquals("UNAUTHORIZED", body.getJsonObject("error").getString("code"));
    assertTrue(reply.header("X-Request-ID").isPresent());
  }

  private static JWTClaimsSet claims(String issuer, Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("1")
        .claim("upn", "admin")
        .claim("groups", List.of("ADMINISTRATOR"))
        .claim("site", 1)
        .claim("sid", UUID.randomUUID().toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .build();
  }

  private static String sign(JWTClaimsSet claims, PrivateKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static PrivateKey serverKey() throws Exception {
    String pem = Files.readString(TestEnvironment.keys().privateKey());
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}

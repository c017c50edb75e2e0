package org.ims.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The token signing key pair of a development or test server, generated on first start into its
 * data folder (never committed). Production keys come from the operator.
 */
public record DevKeys(Path privateKey, Path publicKey) {

  public static DevKeys ensure(Path directory) {
    Path privateKey = directory.resolve("jwt-private.pem");
    Path publicKey = directory.resolve("jwt-public.pem");
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return new DevKeys(privateKey, publicKey);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(directory);
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return new DevKeys(privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}

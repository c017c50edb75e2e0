package org.ims.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt, through a maintained library. Passwords over bcrypt's 72 bytes are pre-hashed. */
@ApplicationScoped
public class PasswordHasher {

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

  /** bcrypt's work factor for new hashes; existing hashes keep the cost they were made with. */
  @Inject
  @ConfigProperty(name = "ims.auth.bcrypt-cost")
  int cost;

  private BCrypt.Hasher hasher;
  private BCrypt.Verifyer verifyer;
  private String decoyHash;

  @PostConstruct
  void init() {
    hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    decoyHash = hash("a decoy that no one can log in with".toCharArray());
  }

  public String hash(char[] password) {
    return hasher.hashToString(cost, password);
  }

  public boolean matches(char[] password, String hash) {
    return verifyer.verify(password, hash).verified;
  }

  /**
   * Spends the same time as a real check, for unknown usernames: answering faster would tell an
   * attacker which usernames exist.
   */
  public void spendTimeOfACheck(char[] password) {
    verifyer.verify(password, decoyHash);
  }
}

package org.ims.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The rate-limit buckets in the server's JCache. Kept apart from {@link RateLimiter}, a CDI bean: a
 * server without the JCache API (Open Liberty without a JCache library) could not load a bean class
 * whose methods name its types, and the bean would be missing. This class is loaded only when the
 * API is there.
 */
final class JCacheBuckets {

  private static final Logger LOG = Logger.getLogger(JCacheBuckets.class.getName());
  private static final String CACHE = "ims-rate-limits";

  private JCacheBuckets() {}

  /** Whether this server offers the JCache API to the application at all. */
  static boolean apiPresent() {
    try {
      Class.forName("javax.cache.CacheManager", false, JCacheBuckets.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The cluster's JCache, looked up by the JNDI name the server registers it under; none when the
   * name is unbound or the server runs without a cluster.
   */
  static Optional<SharedBuckets> lookup(String jndiName, Duration window) {
    try {
      CacheManager manager = (CacheManager) new InitialContext().lookup(jndiName);
      return Optional.of(SharedBuckets.in(cache(manager, window)));
    } catch (NamingException | RuntimeException e) {
      LOG.log(
          Level.INFO,
          "No shared JCache at {0} ({1}): rate limits are counted by this server alone",
          new Object[] {jndiName, e.toString()});
      return Optional.empty();
    }
  }

  /** The buckets' cache; servers starting together may race to create it, and one wins. */
  private static Cache<String, byte[]> cache(CacheManager manager, Duration window) {
    Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
    if (cache != null) {
      return cache;
    }
    try {
      // An idle bucket would be full again after one window: it may be forgotten by then.
      return manager.createCache(
          CACHE,
          new MutableConfiguration<String, byte[]>()
              .setTypes(String.class, byte[].class)
              .setExpiryPolicyFactory(
                  ModifiedExpiryPolicy.factoryOf(
                      new javax.cache.expiry.Duration(TimeUnit.SECONDS, window.toSeconds()))));
    } catch (CacheException createdMeanwhile) {
      return manager.getCache(CACHE, String.class, byte[].class);
    }
  }
}

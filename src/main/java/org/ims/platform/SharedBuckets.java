package org.ims.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;

/**
 * Where bucket4j keeps its token buckets: in a JCache shared by every server of a cluster, or in
 * this server's memory when it runs alone.
 *
 * <p>The buckets are kept as bucket4j's serialized state (bytes) and updated by compare-and-swap
 * (get, then replace-if-unchanged). Only the standard JCache operations on {@code byte[]} values
 * cross the cluster, so no application class has to be deserialized on another server, and any
 * JCache provider serves.
 */
final class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

  /** The three operations compare-and-swap needs, as JCache and ConcurrentMap both offer them. */
  private interface Store {
    byte[] get(String key);

    boolean putIfAbsent(String key, byte[] value);

    boolean replace(String key, byte[] expected, byte[] value);

    void remove(String key);
  }

  private final Store store;
  private final String description;

  private SharedBuckets(Store store, String description) {
    super(ClientSideConfig.getDefault());
    this.store = store;
    this.description = description;
  }

  /** Buckets held in a cluster-wide JCache (Hazelcast on Payara: replace compares the bytes). */
  static SharedBuckets in(Cache<String, byte[]> cache) {
    return new SharedBuckets(
        new Store() {
          @Override
          public byte[] get(String key) {
            return cache.get(key);
          }

          @Override
          public boolean putIfAbsent(String key, byte[] value) {
            return cache.putIfAbsent(key, value);
          }

          @Override
          public boolean replace(String key, byte[] expected, byte[] value) {
            return cache.replace(key, expected, value);
          }

          @Override
          public void remove(String key) {
            cache.remove(key);
          }
        },
        "JCache '" + cache.getName() + "', shared by the servers of a cluster");
  }

  /**
   * Buckets in this server's memory, forgotten after {@code idle} without use (a forgotten bucket
   * comes back full, as it would have been by then). The map compares values by identity, which is
   * what compare-and-swap needs: the expected value is the array read before.
   */
  static SharedBuckets local(Duration idle) {
    ConcurrentMap<String, byte[]> map =
        Caffeine.newBuilder()
            .expireAfterAccess(idle)
            .maximumSize(500_000)
            .<String, byte[]>build()
            .asMap();
    return new SharedBuckets(
        new Store() {
          @Override
          public byte[] get(String key) {
            return map.get(key);
          }

          @Override
          public boolean putIfAbsent(String key, byte[] value) {
            return map.putIfAbsent(key, value) == null;
          }

          @Override
          public boolean replace(String key, byte[] expected, byte[] value) {
            return map.replace(key, expected, value);
          }

          @Override
          public void remove(String key) {
            map.remove(key);
          }
        },
        "this server's memory");
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        return Optional.ofNullable(store.get(key));
      }

      @Override
      public boolean compareAndSwap(
          byte[] original,
          byte[] updated,
          RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        return original == null
            ? store.putIfAbsent(key, updated)
            : store.replace(key, original, updated);
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    throw new UnsupportedOperationException("Rate limits are checked synchronously");
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    throw new UnsupportedOperationException("Rate limits are checked synchronously");
  }

  @Override
  public void removeProxy(String key) {
    store.remove(key);
  }

  @Override
  public boolean isAsyncModeSupported() {
    return false;
  }

  @Override
  public String toString() {
    return description;
  }
}

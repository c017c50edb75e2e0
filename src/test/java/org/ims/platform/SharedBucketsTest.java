package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedBucketsTest {

  private final SharedBuckets buckets = SharedBuckets.local(Duration.ofMinutes(1));

  private Bucket bucket(String key, int capacity, Duration window) {
    return buckets
        .builder()
        .build(
            key,
            () ->
                BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(capacity).refillIntervally(capacity, window))
                    .build());
  }

  @Test
  void aKeyGetsItsCapacityPerWindowAndOtherKeysTheirOwn() {
    for (int i = 0; i < 3; i++) {
      assertTrue(bucket("a", 3, Duration.ofMinutes(1)).tryConsume(1));
    }
    assertFalse(bucket("a", 3, Duration.ofMinutes(1)).tryConsume(1));
    assertTrue(bucket("b", 3, Duration.ofMinutes(1)).tryConsume(1));
  }

  @Test
  void theWholeCapacityComesBackWhenTheWindowEnds() throws InterruptedException {
    Bucket bucket = bucket("short", 2, Duration.ofMillis(300));
    assertTrue(bucket.tryConsume(2));
    assertFalse(bucket.tryConsume(1));
    Thread.sleep(400);
    assertTrue(bucket.tryConsume(2));
  }

  @Test
  void concurrentRequestsNeverTakeMoreThanTheCapacity() throws Exception {
    int capacity = 500;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        clients.add(
            () -> {
              int granted = 0;
              for (int i = 0; i < 200; i++) {
                if (bucket("shared", capacity, Duration.ofMinutes(1)).tryConsume(1)) {
                  granted++;
                }
              }
              return granted;
            });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(clients)) {
        total += f.get();
      }
      assertEquals(capacity, total);
    } finally {
      pool.shutdownNow();
    }
  }
}

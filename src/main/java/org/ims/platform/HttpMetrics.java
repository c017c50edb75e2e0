package org.ims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Count and latency of HTTP requests per operation and status class, one timer per (method, path
 * template, 2xx/3xx/4xx/5xx). Every tag value comes from a bounded set (see {@link RouteName}).
 */
@ApplicationScoped
public class HttpMetrics {

  static final String REQUESTS = "ims.http.requests";

  private static final Metadata METADATA =
      Metadata.builder()
          .withName(REQUESTS)
          .withDescription(
              "HTTP requests by method, path template and status class, with their duration")
          // Recorded in nanoseconds; the Prometheus output converts to seconds (_seconds suffix).
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private record Key(String method, String path, String status) {}

  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  @Inject MetricRegistry registry;

  void record(String method, String path, int status, Duration duration) {
    Key key = new Key(METHODS.contains(method) ? method : "OTHER", path, (status / 100) + "xx");
    timers
        .computeIfAbsent(
            key,
            k ->
                registry.timer(
                    METADATA,
                    new Tag("method", k.method()),
                    new Tag("path", k.path()),
                    new Tag("status", k.status())))
        .update(duration);
  }
}

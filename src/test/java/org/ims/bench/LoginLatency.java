package org.ims.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Login latency through the REST API: N sequential logins, printing p50/p95/p99 and the mean.
 * bcrypt dominates, so the figure mostly measures the configured cost factor on this machine.
 *
 * <pre>
 * IMS_AUTH_RATE_LIMIT_PER_USERNAME=1000 IMS_AUTH_RATE_LIMIT_PER_IP=1000 mvn -Prun package
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ims.bench.LoginLatency \
 *     -Dexec.args="http://localhost:8080 admin Admin#2026pass 100"
 * </pre>
 */
public final class LoginLatency {

  private LoginLatency() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String body = "{\"username\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}";
    int count = Integer.parseInt(args[3]);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int i = 0; i < 5; i++) {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    }
    long[] millis = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      if (status != 200) {
        throw new IllegalStateException("login answered " + status + " (rate limit raised?)");
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        "logins: %d  p50: %d ms  p95: %d ms  p99: %d ms  mean: %.1f ms%n",
        count,
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        Arrays.stream(millis).average().orElse(0));
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}

package org.ims.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the Finder's first page through the REST API with N concurrent clients, for
 * comparing server settings (e.g. rate limiting on and off): after a warm-up, every client sends
 * the same request again and again for the given time; prints requests per second, latency
 * percentiles and any answer that was not 200.
 *
 * <pre>
 * mvn -Prun package        (in another terminal; raise IMS_RATE_LIMIT_PER_USER and _PER_IP)
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ims.bench.FirstPageThroughput \
 *     -Dexec.args="http://localhost:8080 editor Editor#2026pass 16 20"
 * </pre>
 */
public final class FirstPageThroughput {

  private FirstPageThroughput() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int clients = Integer.parseInt(args[3]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[4]));
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    String login =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login);
    if (!token.find()) {
      throw new IllegalStateException("login failed: " + login);
    }
    HttpRequest firstPage =
        HttpRequest.newBuilder(URI.create(base + "/api/interactions?page=1&pageSize=25"))
            .header("Authorization", "Bearer " + token.group(1))
            .build();

    run(http, firstPage, clients, Duration.ofSeconds(5));
    Result result = run(http, firstPage, clients, length);
    long[] sorted = result.nanos();
    Arrays.sort(sorted);
    System.out.printf(
        "First page, %d clients for %d s: %.0f requests/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
            + " %d answers other than 200%n",
        clients,
        length.toSeconds(),
        sorted.length / (double) length.toSeconds(),
        ms(sorted, 50),
        ms(sorted, 95),
        ms(sorted, 99),
        result.failures());
    System.exit(0);
  }

  private record Result(long[] nanos, long failures) {}

  private static Result run(HttpClient http, HttpRequest request, int clients, Duration length)
      throws Exception {
    long end = System.nanoTime() + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                long[] times = new long[1 << 16];
                int n = 0;
                long failures = 0;
                while (System.nanoTime() < end && n < times.length) {
                  long t = System.nanoTime();
                  int status =
                      http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  times[n++] = System.nanoTime() - t;
                  if (status != 200) {
                    failures++;
                  }
                }
                long[] out = Arrays.copyOf(times, n + 1);
                out[n] = failures;
                return out;
              }));
    }
    long failures = 0;
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      long[] out = f.get();
      failures += out[out.length - 1];
      for (int i = 0; i < out.length - 1; i++) {
        all.add(out[i]);
      }
    }
    pool.shutdown();
    return new Result(all.stream().mapToLong(Long::longValue).toArray(), failures);
  }

  private static double ms(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }
}

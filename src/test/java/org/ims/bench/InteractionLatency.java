package org.ims.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Create and read latency through the REST API: N sequential creates, then N reads of what was
 * created, printing p50/p95/p99 and throughput of each.
 *
 * <pre>
 * mvn -Prun package        (in another terminal)
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ims.bench.InteractionLatency \
 *     -Dexec.args="http://localhost:8080 editor Editor#2026pass 1000"
 * </pre>
 */
public final class InteractionLatency {

  private InteractionLatency() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int count = Integer.parseInt(args[3]);
    HttpClient client = HttpClient.newHttpClient();
    String login =
        client
            .send(
                json(base + "/api/auth/login", null)
                    .POST(
                        ofString(
                            "{\"username\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String token = field(login, "token");

    long[] ids = new long[count];
    long[] create = new long[count];
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String body =
          "{\"title\":\"Bench "
              + System.nanoTime()
              + "\",\"type\":\"Call\",\"lead\":\"Bench Runner\","
              + "\"startDateTime\":\"2026-06-01T09:00:00+01:00\",\"endDateTime\":\"2026-06-01T10:00:00+01:00\","
              + "\"timezone\":\"Europe/London\",\"location\":\"Phone\",\"description\":\"Latency run\"}";
      long t = System.nanoTime();
      HttpResponse<String> reply =
          client.send(
              json(base + "/api/interactions", token).POST(ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      create[i] = System.nanoTime() - t;
      if (reply.statusCode() != 201) {
        throw new IllegalStateException(
            "create answered " + reply.statusCode() + ": " + reply.body());
      }
      ids[i] = Long.parseLong(field(reply.body(), "id"));
    }
    report("create", create, System.nanoTime() - started);

    long[] read = new long[count];
    started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      int status =
          client
              .send(
                  json(base + "/api/interactions/" + ids[i], token).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      read[i] = System.nanoTime() - t;
      if (status != 200) {
        throw new IllegalStateException("read answered " + status);
      }
    }
    report("read", read, System.nanoTime() - started);
  }

  private static HttpRequest.Builder json(String url, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher ofString(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static void report(String what, long[] nanos, long totalNanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-6s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  throughput %.0f req/s (one client)%n",
        what,
        sorted.length,
        ms(sorted, 50),
        ms(sorted, 95),
        ms(sorted, 99),
        sorted.length / (totalNanos / 1e9));
  }

  private static double ms(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }
}

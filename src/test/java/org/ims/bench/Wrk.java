package org.ims.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load generator {@code wrk} (Debian's package), run as a separate process: a client whose
 * own cost per request is a few microseconds, so its latencies are the server's. Used as {@code
 * ../shared/peers/compare.sh} uses it, so that the figures compare with the peers'.
 */
final class Wrk {

  /** What one run measured; latencies in milliseconds. */
  record Result(
      double requestsPerSecond, double p50, double p90, double p99, long requests, long non2xx) {}

  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s*(50|90|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");
  private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("^\\s*([0-9]+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

  private final Path executable;

  private Wrk(Path executable) {
    this.executable = executable;
  }

  /** {@code -Dbench.wrk} (default /usr/bin/wrk), when it is there. */
  static Optional<Wrk> find() {
    Path path = Path.of(System.getProperty("bench.wrk", "/usr/bin/wrk"));
    return Files.isExecutable(path) ? Optional.of(new Wrk(path)) : Optional.empty();
  }

  /** Loads {@code url} with {@code connections} connections (threads: at most 2) for a time. */
  Result run(String url, String token, int connections, Duration time)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("-t" + Math.min(2, connections));
    command.add("-c" + connections);
    command.add("-d" + Math.max(1, time.toSeconds()) + "s");
    command.add("--latency");
    if (token != null) {
      command.add("-H");
      command.add("Authorization: Bearer " + token);
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return parse(output);
  }

  static Result parse(String output) {
    double rate = Double.NaN;
    double p50 = Double.NaN;
    double p90 = Double.NaN;
    double p99 = Double.NaN;
    long total = 0;
    long non2xx = 0;
    for (String line : output.lines().toList()) {
      Matcher m = PERCENTILE.matcher(line);
      if (m.matches()) {
        double value = Double.parseDouble(m.group(2)) * unit(m.group(3));
        switch (m.group(1)) {
          case "50" -> p50 = value;
          case "90" -> p90 = value;
          default -> p99 = value;
        }
        continue;
      }
      if ((m = RATE.matcher(line)).find()) {
        rate = Double.parseDouble(m.group(1));
      } else if ((m = TOTAL.matcher(line)).find()) {
        total = Long.parseLong(m.group(1));
      } else if ((m = NON_2XX.matcher(line)).find()) {
        non2xx = Long.parseLong(m.group(1));
      }
    }
    if (Double.isNaN(rate) || Double.isNaN(p50)) {
      throw new IllegalStateException("Unexpected wrk output: " + output);
    }
    return new Result(rate, p50, p90, p99, total, non2xx);
  }

  private static double unit(String unit) {
    return switch (unit) {
      case "us" -> 0.001;
      case "ms" -> 1;
      default -> 1000;
    };
  }
}

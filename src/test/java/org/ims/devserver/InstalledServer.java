package org.ims.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application server installed from its distribution (Payara Server, Open Liberty), set up the
 * way docs/deployment.md tells an operator to: the files in {@code server-config/}, the
 * environment, the built WAR. Each instance lives in a folder of its own and is removed on close;
 * the installation itself is not changed.
 */
public abstract class InstalledServer implements AutoCloseable {

  /** What every server gets: the unpacked distribution, the build's files, the environment. */
  public record Settings(
      Path home,
      Path war,
      Path datasourceJar,
      Path jdbcDriver,
      Path serverConfig,
      Path workDirectory,
      Map<String, String> environment) {}

  protected final Settings settings;
  protected int httpPort;

  protected InstalledServer(Settings settings) {
    this.settings = settings;
  }

  /** The server's name in test reports. */
  public abstract String name();

  /** Installs the configuration and the WAR, starts the server; returns once it has started. */
  protected abstract void startServer() throws IOException, InterruptedException;

  /** Stops the server. */
  protected abstract void stopServer() throws IOException, InterruptedException;

  /** The log to show when the server does not come up. */
  protected abstract Path log();

  /** Starts the server and waits until the application reports ready. */
  public InstalledServer start(int port, Duration timeout) {
    this.httpPort = port;
    try {
      deleteRecursively(settings.workDirectory());
      Files.createDirectories(settings.workDirectory());
      executableScripts();
      startServer();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitReady(timeout);
    return this;
  }

  /** Unpacked by Maven, the distribution's scripts may have lost their executable bit. */
  private void executableScripts() throws IOException {
    for (String bin : List.of("bin", "glassfish/bin")) {
      Path dir = settings.home().resolve(bin);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(Files::isRegularFile).forEach(f -> f.toFile().setExecutable(true));
        }
      }
    }
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  @Override
  public void close() {
    try {
      stopServer();
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop " + name() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The environment of the server's processes: this process's, plus the settings'. */
  protected Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>(settings.environment());
    return env;
  }

  /** Runs a command of the server's tools to its end, failing with its output if it fails. */
  protected String run(Duration timeout, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path output = Files.createTempFile(settings.workDirectory(), "command-", ".log");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not end within " + timeout + ": " + read(output));
    }
    String text = read(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + text
              + logTail());
    }
    return text;
  }

  private void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        name() + " on port " + httpPort + " was not ready within " + timeout + logTail());
  }

  protected String logTail() {
    Path log = log();
    if (log == null || !Files.exists(log)) {
      return "";
    }
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.collect(Collectors.toCollection(ArrayList::new));
      return "; the end of "
          + log
          + ":\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "; its log " + log + " could not be read: " + e.getMessage();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  protected static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

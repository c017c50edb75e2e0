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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payara Micro in its own process, running the application WAR at the root context, configured the
 * way production is: by environment variables and the files in {@code server-config/}.
 */
public final class PayaraMicroServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path rootDirectory;
  private final Path log;

  private PayaraMicroServer(Process process, int port, Path rootDirectory, Path log) {
    this.process = process;
    this.port = port;
    this.rootDirectory = rootDirectory;
    this.log = log;
  }

  /**
   * What to start; {@code log} null means the server writes to this process's console; {@code
   * clustering} the Payara Micro options that make it a cluster member, or keep it alone.
   */
  public record Settings(
      Path microJar,
      Path war,
      Path serverConfig,
      int port,
      Map<String, String> environment,
      List<String> jvmOptions,
      Path log,
      List<String> clustering) {

    /**
     * A server that runs alone: no Hazelcast, so rate limits are counted in its memory. Not {@code
     * --nocluster}, which still starts Hazelcast and has it listen on every interface.
     */
    public Settings(
        Path microJar,
        Path war,
        Path serverConfig,
        int port,
        Map<String, String> environment,
        List<String> jvmOptions,
        Path log) {
      this(
          microJar,
          war,
          serverConfig,
          port,
          environment,
          jvmOptions,
          log,
          List.of("--nohazelcast"));
    }

    /** The same server with these environment variables added or replaced. */
    public Settings withEnvironment(Map<String, String> more) {
      Map<String, String> all = new LinkedHashMap<>(environment);
      all.putAll(more);
      return new Settings(microJar, war, serverConfig, port, all, jvmOptions, log, clustering);
    }

    /**
     * This server as a member of the cluster {@code name}, found over loopback: Hazelcast listens
     * on {@code hazelcastPort} and looks for the other members at {@code memberPorts}.
     */
    public Settings inCluster(
        String name,
        String instance,
        int port,
        int hazelcastPort,
        List<Integer> memberPorts,
        Path log) {
      String members =
          memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
      return new Settings(
          microJar,
          war,
          serverConfig,
          port,
          environment,
          jvmOptions,
          log,
          List.of(
              "--name",
              instance,
              "--clustername",
              name,
              "--interfaces",
              "127.0.0.1",
              "--startport",
              Integer.toString(hazelcastPort),
              "--clustermode",
              "tcpip:" + members,
              // Every member is on this one host: keep backups on it all the same.
              "--nohostaware"));
    }
  }

  /** The environment an operator would set: this database, these keys, demo data or not. */
  public static Map<String, String> environment(
      EmbeddedDatabase db, DevKeys keys, boolean demoData) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_URL", db.jdbcUrl());
    env.put("DB_USER", EmbeddedDatabase.APP);
    env.put("DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD);
    env.put("DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
    env.put("DB_MIGRATION_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD);
    env.put("IMS_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
    env.put("IMS_DEMO_DATA", Boolean.toString(demoData));
    return env;
  }

  public static PayaraMicroServer start(Settings settings) {
    try {
      // A throwaway root: a persistent one makes Payara Micro deploy the WAR twice.
      Path root = Files.createTempDirectory("ims-payara-");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(settings.jvmOptions());
      command.addAll(List.of("-jar", settings.microJar().toString()));
      command.addAll(settings.clustering());
      command.addAll(
          List.of(
              "--port",
              Integer.toString(settings.port()),
              "--rootdir",
              root.toString(),
              "--prebootcommandfile",
              settings.serverConfig().resolve("payara-micro/pre-boot-commands.asadmin").toString(),
              "--logproperties",
              settings.serverConfig().resolve("payara-micro/logging.properties").toString(),
              "--contextroot",
              "/",
              "--deploy",
              settings.war().toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(settings.environment());
      if (settings.log() == null) {
        builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      } else {
        Files.createDirectories(settings.log().getParent());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log().toFile()));
      }
      return new PayaraMicroServer(builder.start(), settings.port(), root, settings.log());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Payara Micro", e);
    }
  }

  /** Waits until the application reports ready, failing early if the server process dies. */
  public void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with code "
                + process.exitValue()
                + " before becoming ready"
                + logTail());
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Payara Micro", e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "Payara Micro on port " + port + " was not ready within " + timeout + logTail());
  }

  /** The end of the server's log file, for a failure message that says what went wrong. */
  private String logTail() {
    if (log == null) {
      return "";
    }
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.toList();
      return "; the end of "
          + log
          + ":\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "; its log " + log + " could not be read: " + e.getMessage();
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** Blocks until the server process ends by itself and returns its exit code. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      Processes.terminate(process.toHandle(), Duration.ofSeconds(30));
    }
    try (Stream<Path> files = Files.walk(rootDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

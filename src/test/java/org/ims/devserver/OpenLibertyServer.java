package org.ims.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Open Liberty from its distribution zip: a server of its own (its user folder, {@code
 * WLP_USER_DIR}, under the work directory) with {@code server-config/open-liberty/server.xml}, a
 * {@code server.env} that {@code server create} wrote, with the application's environment added,
 * the WAR in {@code apps/} and the data source's jars in {@code lib/}.
 */
public final class OpenLibertyServer extends InstalledServer {

  private static final String SERVER = "ims";

  public OpenLibertyServer(Settings settings) {
    super(settings);
  }

  @Override
  public String name() {
    return "Open Liberty";
  }

  private Path serverDirectory() {
    return settings.workDirectory().resolve("usr/servers").resolve(SERVER);
  }

  private String server() {
    return settings.home().resolve("bin/server").toString();
  }

  private Map<String, String> toolEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WLP_USER_DIR", settings.workDirectory().resolve("usr").toString());
    return env;
  }

  @Override
  protected void startServer() throws IOException, InterruptedException {
    run(Duration.ofMinutes(2), toolEnvironment(), server(), "create", SERVER);
    Path dir = serverDirectory();
    Files.copy(
        settings.serverConfig().resolve("open-liberty/server.xml"),
        dir.resolve("server.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    Map<String, String> env = new LinkedHashMap<>(environment());
    env.put("HTTP_PORT", Integer.toString(httpPort));
    env.put(
        "IMS_JPA_JTA_PLATFORM",
        "org.hibernate.engine.transaction.jta.platform.internal.WebSphereLibertyJtaPlatform");
    env.put("IMS_RATE_LIMIT_CACHE_MANAGER", "");
    // Appended: `server create` wrote the keystore's password there, which MicroProfile JWT needs.
    Files.writeString(
        dir.resolve("server.env"),
        "\n"
            + env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"))
            + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.createDirectories(dir.resolve("apps"));
    Files.createDirectories(dir.resolve("lib"));
    Files.copy(settings.war(), dir.resolve("apps/ims.war"));
    Files.copy(settings.datasourceJar(), dir.resolve("lib/ims-datasource.jar"));
    Files.copy(
        settings.jdbcDriver(), dir.resolve("lib").resolve(settings.jdbcDriver().getFileName()));
    run(Duration.ofMinutes(5), toolEnvironment(), server(), "start", SERVER);
  }

  @Override
  protected void stopServer() throws IOException, InterruptedException {
    if (Files.exists(serverDirectory())) {
      run(Duration.ofMinutes(2), toolEnvironment(), server(), "stop", SERVER);
    }
  }

  @Override
  protected Path log() {
    return serverDirectory().resolve("logs/messages.log");
  }
}

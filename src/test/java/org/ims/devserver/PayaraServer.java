package org.ims.devserver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Payara Server 6 from its distribution zip: a domain of its own (ports from {@code portBase}:
 * admin +48, HTTP +80, as {@code create-domain --portbase} assigns them), started with the
 * application's environment, configured by {@code server-config/payara-server/commands.asadmin},
 * restarted, and the WAR deployed at the root context.
 */
public final class PayaraServer extends InstalledServer {

  private static final String DOMAIN = "ims";
  private int adminPort;

  public PayaraServer(Settings settings) {
    super(settings);
  }

  @Override
  public String name() {
    return "Payara Server";
  }

  /** The HTTP port of a domain created with this port base. */
  public static int httpPort(int portBase) {
    return portBase + 80;
  }

  private Path domains() {
    return settings.workDirectory().resolve("domains");
  }

  private String asadmin() {
    return settings.home().resolve("bin/asadmin").toString();
  }

  @Override
  protected void startServer() throws IOException, InterruptedException {
    int portBase = httpPort - 80;
    adminPort = portBase + 48;
    Duration minutes = Duration.ofMinutes(10);
    run(
        minutes,
        environment(),
        asadmin(),
        "--interactive=false",
        "create-domain",
        "--nopassword",
        "--portbase",
        Integer.toString(portBase),
        "--domaindir",
        domains().toString(),
        DOMAIN);
    run(
        minutes,
        environment(),
        asadmin(),
        "start-domain",
        "--domaindir",
        domains().toString(),
        DOMAIN);
    run(
        minutes,
        environment(),
        asadmin(),
        "--port",
        Integer.toString(adminPort),
        "multimode",
        "--file",
        settings.serverConfig().resolve("payara-server/commands.asadmin").toString());
    run(
        minutes,
        environment(),
        asadmin(),
        "restart-domain",
        "--domaindir",
        domains().toString(),
        DOMAIN);
    run(
        minutes,
        environment(),
        asadmin(),
        "--port",
        Integer.toString(adminPort),
        "deploy",
        "--contextroot",
        "/",
        "--name",
        "ims",
        settings.war().toString());
  }

  @Override
  protected void stopServer() throws IOException, InterruptedException {
    if (adminPort == 0) {
      return;
    }
    run(
        Duration.ofMinutes(2),
        environment(),
        asadmin(),
        "stop-domain",
        "--kill",
        "--domaindir",
        domains().toString(),
        DOMAIN);
  }

  @Override
  protected Path log() {
    return domains().resolve(DOMAIN).resolve("logs/server.log");
  }
}

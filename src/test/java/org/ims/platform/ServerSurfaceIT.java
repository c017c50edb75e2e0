package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * What the server offers besides the application: Payara Micro has no admin console or asadmin
 * listener, the application port serves none of the admin or management addresses of Payara or its
 * parts, Jersey's generated WADL is off, and a server that runs alone listens on its HTTP port and
 * nothing else (no Hazelcast member port open to the network).
 */
class ServerSurfaceIT {

  /** Admin and management addresses of Payara Server, Payara Micro, GlassFish and Hazelcast. */
  private static final List<String> ADMIN_PATHS =
      List.of(
          "/asadmin",
          "/__asadmin",
          "/management/domain",
          "/admingui",
          "/__admingui",
          "/console",
          "/jmx",
          "/monitoring",
          "/hazelcast/rest/cluster",
          "/hazelcast/health",
          "/payara-micro",
          "/__wstx-services",
          "/WEB-INF/web.xml",
          "/META-INF/MANIFEST.MF");

  @Test
  void theApplicationPortServesNoAdminOrManagementAddress() {
    for (String path : ADMIN_PATHS) {
      assertEquals(404, Http.get(path).status(), path);
    }
  }

  @Test
  void jerseysGeneratedWadlIsOff() {
    String token = Api.demoToken("viewer");
    Http.Reply wadl = Api.get(token, "/api/application.wadl");
    assertEquals(404, wadl.status(), wadl.body());
    Http.Reply options =
        Http.send("OPTIONS", "/api/interactions", null, "Authorization", "Bearer " + token);
    assertFalse(options.contentType().contains("wadl"), options.contentType());
    assertFalse(options.body().contains("jersey"), options.body());
  }

  @Test
  void aServerRunningAloneListensOnItsHttpPortOnly() throws IOException {
    long pid = TestEnvironment.serverPid();
    assumeTrue(Files.isDirectory(Path.of("/proc", Long.toString(pid), "fd")), "Linux /proc only");
    int http = URI.create(TestEnvironment.baseUrl()).getPort();
    assertEquals(Set.of(http), listeningPorts(pid));
  }

  /** The TCP ports the process listens on and the UDP ports it has bound, from /proc. */
  private static Set<Integer> listeningPorts(long pid) throws IOException {
    Set<String> sockets = new HashSet<>();
    try (DirectoryStream<Path> fds =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            sockets.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while we looked
        }
      }
    }
    Set<Integer> ports = new TreeSet<>();
    // TCP: state 0A is LISTEN; UDP: state 07 is a bound socket waiting for datagrams.
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path file = Path.of("/proc", Long.toString(pid), "net", table);
      if (!Files.exists(file)) {
        continue;
      }
      String listening = table.startsWith("tcp") ? "0A" : "07";
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9 && fields[3].equals(listening) && sockets.contains(fields[9])) {
          String local = fields[1];
          ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}

package org.ims.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping processes this tooling started, including ones an earlier, killed launch left behind.
 */
final class Processes {

  private Processes() {}

  /**
   * SIGTERM, then SIGKILL after a grace period. SIGTERM rather than SIGINT: a process started from
   * a non-interactive shell inherits an ignored SIGINT, while both the JVM (shutdown hooks) and
   * PostgreSQL (clean shutdown) always act on SIGTERM.
   */
  static void terminate(ProcessHandle process, Duration grace) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Stops the Payara Micro servers whose pids an earlier launch wrote to this file, one a line. */
  static void stopRecorded(Path pidFile, Duration grace) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    for (String pid : Files.readAllLines(pidFile)) {
      if (pid.trim().matches("\\d+")) {
        ProcessHandle.of(Long.parseLong(pid.trim()))
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
            .ifPresent(p -> terminate(p, grace));
      }
    }
    Files.delete(pidFile);
  }
}

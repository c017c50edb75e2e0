package org.ims.interaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a deleted interaction can be restored before the nightly purge removes it. */
@ApplicationScoped
public class DeletionRetention {

  @Inject
  @ConfigProperty(name = "ims.interactions.restorable-for")
  String restorableFor;

  private Duration restorableFor() {
    return Duration.parse(restorableFor);
  }

  /** Deletions before this instant can no longer be restored. */
  public Instant cutoff() {
    return Instant.now().minus(restorableFor());
  }
}

package org.ims.interaction;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.DeferredAuditLog;

/**
 * Records searches and exports for audit: who looked for what. Every export is recorded. A search
 * is recorded once per user, site and criteria within {@code ims.audit.search-repeat-window} (10
 * minutes): turning pages, changing the sort or the page size, reloading the Finder or coming back
 * to it shows the same search again and writes nothing more. A search with other criteria (another
 * word, filter, date range, also each word the Finder searches for while the user types) is a new
 * row. The entries are written a moment later in batches, off the request thread ({@link
 * DeferredAuditLog}).
 *
 * <p>The memory of recent searches is this server's: behind a load balancer that spreads one user's
 * requests, a repeated search may be recorded once per server and window.
 */
@ApplicationScoped
public class SearchAudit {

  /** Beyond this many remembered searches, expired ones are dropped (and all, if none expired). */
  static final int REMEMBERED = 100_000;

  @Inject DeferredAuditLog audit;

  @Inject
  @ConfigProperty(name = "ims.audit.search-repeat-window")
  String repeatWindow;

  private Duration window;

  /** What makes two searches the same for audit: who, where, and every filter; not page or sort. */
  private record Seen(Long userId, Long siteId, SearchCriteria filters) {}

  /** When each recent search was recorded, by what makes it the same. */
  private final Map<Seen, Instant> recorded = new ConcurrentHashMap<>();

  /**
   * Observed at deployment so that the bean is made, and its settings read, then: a window that
   * cannot be read fails the start, not the first search.
   */
  void check(@Observes Startup startup) {}

  @PostConstruct
  void parse() {
    window = Duration.parse(repeatWindow);
    if (window.isNegative()) {
      throw new IllegalArgumentException("ims.audit.search-repeat-window must not be negative");
    }
  }

  public void record(AuditAction action, Actor actor, SearchCriteria criteria, long results) {
    if (action == AuditAction.SEARCH && seenRecently(actor, criteria)) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("search", criteria.search());
    details.put("title", criteria.title());
    details.put("lead", criteria.lead());
    details.put("location", criteria.location());
    details.put("types", criteria.types());
    details.put("timezone", criteria.timezone());
    details.put("from", criteria.from() == null ? null : criteria.from().toString());
    details.put("to", criteria.to() == null ? null : criteria.to().toString());
    details.put("createdBy", criteria.createdBy());
    details.put("sort", criteria.sort().toString());
    details.put("page", criteria.page());
    details.put("results", results);
    details.values().removeIf(v -> v == null);
    audit.record(action, actor, details);
  }

  /** Whether the same search was recorded within the window; if not, it counts as recorded now. */
  private boolean seenRecently(Actor actor, SearchCriteria c) {
    Seen key = new Seen(actor.userId(), actor.siteId(), c.filtersOnly());
    Instant now = Instant.now();
    Instant threshold = now.minus(window);
    boolean[] recent = {false};
    recorded.compute(
        key,
        (k, at) -> {
          if (at != null && at.isAfter(threshold)) {
            recent[0] = true;
            return at;
          }
          return now;
        });
    if (!recent[0] && recorded.size() > REMEMBERED) {
      recorded.values().removeIf(at -> !at.isAfter(threshold));
      if (recorded.size() > REMEMBERED) {
        recorded.clear();
      }
    }
    return recent[0];
  }
}

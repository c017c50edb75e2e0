package org.ims.interaction;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;

/**
 * Records each search and export for audit (who looked for what) on another thread, so that writing
 * the entry never slows the search itself.
 */
@Stateless
public class SearchAudit {

  @Inject AuditLog audit;

  @Asynchronous
  public void record(AuditAction action, Actor actor, SearchCriteria criteria, long results) {
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
    audit.securityEvent(action, actor, details);
  }
}

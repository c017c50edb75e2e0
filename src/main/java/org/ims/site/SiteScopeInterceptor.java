package org.ims.site;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

/**
 * The one place where the active site enters data access. For every call of a {@link SiteScoped}
 * service it
 *
 * <ul>
 *   <li>enables the Hibernate filter on {@code site_id} for the transaction's persistence context
 *       (queries and loads by id alike), and
 *   <li>sets {@code app.site_id} for the current transaction only ({@code set_config(…, true)}),
 *       which the row-level security policies read: the database's own lock behind the filter, also
 *       covering native SQL. A pooled connection never carries the setting into another
 *       transaction.
 * </ul>
 *
 * Runs inside the service's transaction (the container starts it before business interceptors).
 * Without an established {@link SiteContext} the call is refused.
 */
@SiteScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SiteScopeInterceptor {

  @Inject SiteContext context;

  @PersistenceContext EntityManager em;

  @AroundInvoke
  public Object scope(InvocationContext invocation) throws Exception {
    Long siteId = context.siteId();
    em.unwrap(Session.class)
        .enableFilter(SiteOwned.FILTER)
        .setParameter(SiteOwned.FILTER_PARAMETER, siteId);
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, siteId.toString())
        .getSingleResult();
    return invocation.proceed();
  }
}

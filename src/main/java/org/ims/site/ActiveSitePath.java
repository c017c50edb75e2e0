package org.ims.site;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource under {@code /sites/{siteId}/…} whose operations act at the active site:
 * {@link ActiveSitePathFilter} refuses any other {@code siteId} (404, audited) before the operation
 * runs, so the services behind it never take the site as a parameter.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActiveSitePath {

  /** The path parameter that names the site. */
  String PARAMETER = "siteId";
}

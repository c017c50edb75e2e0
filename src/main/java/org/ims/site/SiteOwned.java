package org.ims.site;

/**
 * An entity that belongs to one site. Its table has {@code site_id} and a row-level security
 * policy; its mapping declares the {@value #FILTER} filter. Any service that touches one must be
 * {@link SiteScoped} (a test checks this).
 */
public interface SiteOwned {

  /** The Hibernate filter that restricts queries to the active site. */
  String FILTER = "activeSite";

  /** Its parameter: the active site's id. */
  String FILTER_PARAMETER = "siteId";

  Long siteId();
}

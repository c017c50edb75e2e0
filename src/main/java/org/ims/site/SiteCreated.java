package org.ims.site;

/**
 * A new site, announced inside the transaction that created it, so that capabilities built on sites
 * set up what a site starts with (its interaction types) or the creation fails as a whole.
 */
public record SiteCreated(Long siteId) {}

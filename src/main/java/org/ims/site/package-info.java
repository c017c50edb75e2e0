/**
 * Sites and memberships: which user may work at which site and in which role, and the active-site
 * context every request carries once it is authenticated.
 */
package org.ims.site;

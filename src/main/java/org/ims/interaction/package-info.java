/**
 * Interactions, the heart of the product: the entity, the site's interaction types, the draft that
 * both the REST API and the pages validate the same way, the site-scoped service (create, read,
 * update, soft delete, restore, purge) and the REST resource.
 */
@FilterDef(
    name = SiteOwned.FILTER,
    parameters = @ParamDef(name = SiteOwned.FILTER_PARAMETER, type = Long.class),
    defaultCondition = "site_id = :" + SiteOwned.FILTER_PARAMETER,
    applyToLoadByKey = true)
package org.ims.interaction;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.ims.site.SiteOwned;

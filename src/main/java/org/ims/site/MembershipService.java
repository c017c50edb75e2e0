package org.ims.site;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Which active sites a user belongs to, and in which role. */
@Stateless
public class MembershipService {

  @PersistenceContext EntityManager em;

  /** The user's memberships of active sites, by site name. */
  public List<Membership> activeMemberships(Long userId) {
    return em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.site s JOIN FETCH m.user"
                + " WHERE m.user.id = :user AND s.active = true ORDER BY s.name",
            Membership.class)
        .setParameter("user", userId)
        .getResultList();
  }

  /**
   * The user's membership of a site, active or deactivated: a session at a site that is then
   * deactivated keeps reading it (read-only, see {@link SiteContext#require}).
   */
  public Optional<Membership> membership(Long userId, Long siteId) {
    return em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.site s JOIN FETCH m.user"
                + " WHERE m.user.id = :user AND s.id = :site",
            Membership.class)
        .setParameter("user", userId)
        .setParameter("site", siteId)
        .getResultStream()
        .findFirst();
  }

  public Optional<Membership> activeMembership(Long userId, Long siteId) {
    return em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.site s JOIN FETCH m.user"
                + " WHERE m.user.id = :user AND s.id = :site AND s.active = true",
            Membership.class)
        .setParameter("user", userId)
        .setParameter("site", siteId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The sites, active or not, at which the user is an ADMINISTRATOR: the reach of their user
   * administration and of their view of the audit trail.
   */
  public List<Long> administeredSiteIds(Long userId) {
    return em.createQuery(
            "SELECT m.site.id FROM Membership m WHERE m.user.id = :user AND m.role = :role",
            Long.class)
        .setParameter("user", userId)
        .setParameter("role", Role.ADMINISTRATOR)
        .getResultList();
  }

  /** The site a user starts at: their default if still active, else the first by name. */
  public static Membership startingSite(List<Membership> memberships) {
    return memberships.stream()
        .filter(Membership::defaultSite)
        .findFirst()
        .orElse(memberships.get(0));
  }

  /** Makes this membership the user's default site (at most one default per user). */
  public void makeDefault(Membership chosen) {
    // Clear the old default first: the database allows one default per user.
    em.createQuery(
            "UPDATE Membership m SET m.defaultSite = false"
                + " WHERE m.user.id = :user AND m.defaultSite = true")
        .setParameter("user", chosen.user().id())
        .executeUpdate();
    em.find(Membership.class, chosen.id()).setDefaultSite(true);
  }
}

package org.ims.site;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who belongs to which site in which role: every query and change of memberships. */
@Stateless
public class MembershipService {

  @PersistenceContext EntityManager em;

  /** The user's memberships of active sites, by site name. */
  public List<Membership> activeMemberships(Long userId) {
    return em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.site s"
                + " WHERE m.userId = :user AND s.active = true ORDER BY s.name",
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
            "SELECT m FROM Membership m JOIN FETCH m.site s"
                + " WHERE m.userId = :user AND s.id = :site",
            Membership.class)
        .setParameter("user", userId)
        .setParameter("site", siteId)
        .getResultStream()
        .findFirst();
  }

  public Optional<Membership> activeMembership(Long userId, Long siteId) {
    return membership(userId, siteId).filter(m -> m.site().active());
  }

  /** Every site of the user, active or not. */
  public List<Long> siteIdsOf(Long userId) {
    return em.createQuery("SELECT m.site.id FROM Membership m WHERE m.userId = :user", Long.class)
        .setParameter("user", userId)
        .getResultList();
  }

  /** The user's role at each of their sites, active or not. */
  public Map<Long, Role> rolesOf(Long userId) {
    Map<Long, Role> roles = new LinkedHashMap<>();
    em.createQuery("SELECT m FROM Membership m WHERE m.userId = :user", Membership.class)
        .setParameter("user", userId)
        .getResultStream()
        .forEach(m -> roles.put(m.site().id(), m.role()));
    return roles;
  }

  /**
   * The sites, active or not, at which the user is an ADMINISTRATOR: the reach of their user
   * administration and of their view of the audit trail.
   */
  public List<Long> administeredSiteIds(Long userId) {
    return em.createQuery(
            "SELECT m.site.id FROM Membership m WHERE m.userId = :user AND m.role = :role",
            Long.class)
        .setParameter("user", userId)
        .setParameter("role", Role.ADMINISTRATOR)
        .getResultList();
  }

  /** Makes the user a member of the site. */
  public Membership add(Long userId, Long siteId, Role role, boolean defaultSite) {
    Membership membership = new Membership(userId, em.find(Site.class, siteId), role, defaultSite);
    em.persist(membership);
    em.flush();
    return membership;
  }

  public void remove(Membership membership) {
    em.remove(em.contains(membership) ? membership : em.merge(membership));
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
                + " WHERE m.userId = :user AND m.defaultSite = true")
        .setParameter("user", chosen.userId())
        .executeUpdate();
    em.find(Membership.class, chosen.id()).setDefaultSite(true);
  }
}

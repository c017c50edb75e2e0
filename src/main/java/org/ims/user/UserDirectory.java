package org.ims.user;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ims.platform.ResultPage;
import org.ims.site.Membership;

/** Finding accounts: by id, by username, by what they are called at a site. */
@Stateless
public class UserDirectory {

  @PersistenceContext EntityManager em;

  /** A member of a site with their account. */
  public record Member(User user, Membership membership) {}

  /** Stores a new account; its id is known on return. */
  public User add(User user) {
    em.persist(user);
    em.flush();
    return user;
  }

  public Optional<User> find(Long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  /** The account with this username, ignoring case. */
  public Optional<User> findByUsername(String username) {
    return em.createQuery("SELECT u FROM User u WHERE lower(u.username) = lower(:name)", User.class)
        .setParameter("name", username.trim())
        .getResultStream()
        .findFirst();
  }

  /**
   * The account with this username (case-insensitive), locked for the rest of the transaction so
   * that concurrent failed logins, on any server, are all counted.
   */
  public Optional<User> findForLogin(String username) {
    return em.createQuery("SELECT u FROM User u WHERE lower(u.username) = lower(:name)", User.class)
        .setParameter("name", username.trim())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** The account, locked for the rest of the transaction. */
  public User findForUpdate(Long id) {
    return em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Whether another account than {@code exceptId} has this username, ignoring case. */
  public boolean usernameTaken(String username, Long exceptId) {
    return taken("lower(u.username) = lower(:value)", username, exceptId);
  }

  /** Whether another account than {@code exceptId} has this email address, ignoring case. */
  public boolean emailTaken(String email, Long exceptId) {
    return taken("lower(u.email) = lower(:value)", email, exceptId);
  }

  /** A member of the site with their account, or none when the user does not belong to it. */
  public Optional<Member> member(Long siteId, Long userId) {
    return em.createQuery(
            "SELECT m, u FROM Membership m JOIN User u ON u.id = m.userId"
                + " WHERE m.userId = :user AND m.site.id = :site",
            Object[].class)
        .setParameter("user", userId)
        .setParameter("site", siteId)
        .getResultStream()
        .findFirst()
        .map(row -> new Member((User) row[1], (Membership) row[0]));
  }

  /** A page of the site's members whose username or email contains {@code search}. */
  public ResultPage<Member> members(Long siteId, String search, int page, int pageSize) {
    String where = " WHERE m.site.id = :site";
    String pattern = null;
    if (search != null && !search.isBlank()) {
      where += " AND (lower(u.username) LIKE :q ESCAPE '\\' OR lower(u.email) LIKE :q ESCAPE '\\')";
      pattern = "%" + likeEscaped(search.trim().toLowerCase(Locale.ROOT)) + "%";
    }
    String from = " FROM Membership m JOIN User u ON u.id = m.userId";
    var count = em.createQuery("SELECT count(m)" + from + where, Long.class);
    var items =
        em.createQuery(
            "SELECT m, u" + from + where + " ORDER BY lower(u.username)", Object[].class);
    count.setParameter("site", siteId);
    items.setParameter("site", siteId);
    if (pattern != null) {
      count.setParameter("q", pattern);
      items.setParameter("q", pattern);
    }
    List<Member> members =
        items
            .setFirstResult((page - 1) * pageSize)
            .setMaxResults(pageSize)
            .getResultStream()
            .map(row -> new Member((User) row[1], (Membership) row[0]))
            .toList();
    return new ResultPage<>(members, page, pageSize, count.getSingleResult());
  }

  private boolean taken(String condition, String value, Long exceptId) {
    return em.createQuery(
                "SELECT count(u) FROM User u WHERE " + condition + " AND u.id <> :except",
                Long.class)
            .setParameter("value", value)
            .setParameter("except", exceptId == null ? -1L : exceptId)
            .getSingleResult()
        > 0;
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

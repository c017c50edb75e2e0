package org.ims.user;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finding accounts. */
@Stateless
public class UserDirectory {

  @PersistenceContext EntityManager em;

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

  public User findForUpdate(Long id) {
    return em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
  }
}

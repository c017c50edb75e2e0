package org.ims.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's membership of a site, with their role there. */
@Entity
@Table(name = "user_site")
public class Membership {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The account, by id: accounts are the user capability's, which builds on sites. */
  @Column(name = "user_id")
  private Long userId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  private Site site;

  @Enumerated(EnumType.STRING)
  private Role role;

  @Column(name = "is_default")
  private boolean defaultSite;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  protected Membership() {}

  public Membership(Long userId, Site site, Role role, boolean defaultSite) {
    this.userId = userId;
    this.site = site;
    this.role = role;
    this.defaultSite = defaultSite;
    this.assignedAt = Instant.now();
  }

  public Long id() {
    return id;
  }

  public Long userId() {
    return userId;
  }

  public Site site() {
    return site;
  }

  public Role role() {
    return role;
  }

  public boolean defaultSite() {
    return defaultSite;
  }

  public Instant assignedAt() {
    return assignedAt;
  }

  public void changeRole(Role role) {
    this.role = role;
  }

  void setDefaultSite(boolean defaultSite) {
    this.defaultSite = defaultSite;
  }
}

package org.ims.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Filter;
import org.ims.site.SiteOwned;

/** One of a site's kinds of interaction (Meeting, Call…). Retired types stay on old records. */
@Entity
@Table(name = "interaction_types")
@Filter(name = SiteOwned.FILTER)
public class InteractionType implements SiteOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "site_id", updatable = false)
  private Long siteId;

  private String name;
  private int position;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected InteractionType() {}

  InteractionType(Long siteId, String name, int position) {
    this.siteId = siteId;
    this.name = name;
    this.position = position;
  }

  void rename(String name) {
    this.name = name;
  }

  void moveTo(int position) {
    this.position = position;
  }

  void retire(Instant now) {
    if (retiredAt == null) {
      retiredAt = now;
    }
  }

  void reinstate() {
    retiredAt = null;
  }

  public Long id() {
    return id;
  }

  @Override
  public Long siteId() {
    return siteId;
  }

  public String name() {
    return name;
  }

  public int position() {
    return position;
  }

  /** When it stopped being offered for new interactions; null while offered. */
  public Instant retiredAt() {
    return retiredAt;
  }
}

package org.ims.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A site: the boundary of everything a user sees and changes. */
@Entity
@Table(name = "sites")
public class Site {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;
  private String description;

  @Column(name = "is_active")
  private boolean active;

  protected Site() {}

  public Site(String name, String description) {
    this.name = name;
    this.description = description;
    this.active = true;
  }

  void describe(String name, String description) {
    this.name = name;
    this.description = description;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean active() {
    return active;
  }
}

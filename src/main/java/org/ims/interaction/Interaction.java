package org.ims.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import org.hibernate.annotations.Filter;
import org.ims.platform.TextRules;
import org.ims.site.SiteOwned;
import org.ims.user.User;

/**
 * A meeting, call, review… of one site. Start and end are instants; the time zone the user chose is
 * kept beside them, so local times are shown right on both sides of a DST change.
 */
@Entity
@Table(name = "interactions")
@Filter(name = SiteOwned.FILTER)
public class Interaction implements SiteOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "site_id", updatable = false)
  private Long siteId;

  private String title;
  private String type;
  private String lead;

  @Column(name = "start_datetime")
  private Instant startTime;

  @Column(name = "end_datetime")
  private Instant endTime;

  private String timezone;
  private String location;
  private String description;
  private String notes;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by", updatable = false)
  private User createdBy;

  @Column(name = "created_at", updatable = false)
  private Instant createdAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "updated_by")
  private User updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "deleted_by")
  private User deletedBy;

  protected Interaction() {}

  Interaction(Long siteId, User author, Instant now) {
    this.siteId = siteId;
    this.createdBy = author;
    this.createdAt = now;
  }

  /** Copies what the user can edit; the rest is the server's. */
  void apply(InteractionDraft draft) {
    title = TextRules.clean(draft.title());
    type = TextRules.clean(draft.type());
    lead = TextRules.clean(draft.lead());
    startTime = draft.startDateTime().toInstant();
    endTime = draft.endDateTime().toInstant();
    timezone = draft.timezone();
    location = TextRules.clean(draft.location());
    // Long texts keep their own layout; only a blank one becomes none.
    description = TextRules.isBlank(draft.description()) ? null : draft.description();
    notes = TextRules.isBlank(draft.notes()) ? null : draft.notes();
  }

  void touch(User editor, Instant now) {
    updatedBy = editor;
    updatedAt = now;
  }

  void delete(User by, Instant now) {
    deletedBy = by;
    deletedAt = now;
  }

  void restore(User by, Instant now) {
    deletedBy = null;
    deletedAt = null;
    touch(by, now);
  }

  boolean deleted() {
    return deletedAt != null;
  }

  public Long id() {
    return id;
  }

  @Override
  public Long siteId() {
    return siteId;
  }

  public String title() {
    return title;
  }

  public String type() {
    return type;
  }

  public String lead() {
    return lead;
  }

  public Instant start() {
    return startTime;
  }

  public Instant end() {
    return endTime;
  }

  public String timezone() {
    return timezone;
  }

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  public String location() {
    return location;
  }

  public String description() {
    return description;
  }

  public String notes() {
    return notes;
  }

  public long version() {
    return version;
  }

  public User createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public User updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public User deletedBy() {
    return deletedBy;
  }
}

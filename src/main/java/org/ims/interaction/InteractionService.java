package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.platform.TextRules;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.site.SiteScoped;
import org.ims.user.User;

/**
 * Recording and maintaining the active site's interactions, for the REST API and the pages alike:
 * validation, duplicate titles, optimistic locking, roles, soft delete and restore, audit.
 */
@Stateless
@SiteScoped
public class InteractionService {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject InputValidator validator;
  @Inject InteractionTypeService types;
  @Inject AuditLog audit;
  @Inject DeletionRetention retention;
  @Inject InteractionMetrics metrics;

  /** A live interaction of the active site; 404 (and a security event) for anything else. */
  public InteractionView get(Long id) {
    return InteractionView.of(load(id));
  }

  public InteractionView create(InteractionDraft draft, boolean allowDuplicate) {
    context.require(Role.EDITOR, "create interactions");
    validate(draft, null);
    if (!allowDuplicate) {
      refuseDuplicateTitle(draft, null);
    }
    Instant now = Instant.now();
    Interaction interaction = new Interaction(context.siteId(), me(), now);
    interaction.apply(draft);
    em.persist(interaction);
    em.flush();
    audit.change(
        AuditAction.INTERACTION_CREATED,
        context.actor(),
        "Interaction",
        interaction.id(),
        null,
        InteractionSnapshot.of(interaction));
    metrics.created(context.siteId());
    return InteractionView.of(interaction);
  }

  /**
   * Applies the draft if the caller's version is still the current one; otherwise 409 with the
   * current version, so the caller can reload instead of overwriting someone else's change.
   */
  public InteractionView update(
      Long id, InteractionDraft draft, long expectedVersion, boolean allowDuplicate) {
    // Found first, then allowed: another site's id answers 404 whatever the caller's role.
    Interaction interaction = load(id);
    context.require(Role.EDITOR, "edit interactions");
    requireVersion(interaction, expectedVersion);
    validate(draft, interaction.type());
    if (!allowDuplicate) {
      refuseDuplicateTitle(draft, id);
    }
    Map<String, Object> before = InteractionSnapshot.of(interaction);
    interaction.apply(draft);
    interaction.touch(me(), Instant.now());
    flushChecked(interaction);
    audit.change(
        AuditAction.INTERACTION_UPDATED,
        context.actor(),
        "Interaction",
        id,
        before,
        InteractionSnapshot.of(interaction));
    metrics.updated(context.siteId());
    return InteractionView.of(interaction);
  }

  /**
   * The zone the active site works in, as far as its records tell: the one most of its latest
   * interactions are in. A new interaction starts in it when the user's own zone is not known.
   */
  public Optional<String> usualZone() {
    List<String> latest =
        em.createQuery(
                "SELECT i.timezone FROM Interaction i WHERE i.deletedAt IS NULL"
                    + " ORDER BY i.startTime DESC",
                String.class)
            .setMaxResults(200)
            .getResultList();
    return latest.stream()
        .collect(Collectors.groupingBy(zone -> zone, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }

  /** Soft delete: gone from every read, restorable for a while (see {@link DeletionRetention}). */
  public void delete(Long id, Long expectedVersion) {
    Interaction interaction = load(id);
    context.require(Role.ADMINISTRATOR, "delete interactions");
    if (expectedVersion != null) {
      requireVersion(interaction, expectedVersion);
    }
    Map<String, Object> before = InteractionSnapshot.of(interaction);
    interaction.delete(me(), Instant.now());
    flushChecked(interaction);
    audit.change(AuditAction.INTERACTION_DELETED, context.actor(), "Interaction", id, before, null);
    metrics.deleted(context.siteId());
  }

  /** The site's interactions deleted within the restore period, most recent first. */
  public List<InteractionView> deleted() {
    return recentlyDeleted().stream().map(InteractionView::of).toList();
  }

  private List<Interaction> recentlyDeleted() {
    context.require(Role.ADMINISTRATOR, "see deleted interactions");
    return em.createQuery(
            "SELECT i FROM Interaction i LEFT JOIN FETCH i.deletedBy"
                + " WHERE i.deletedAt IS NOT NULL AND i.deletedAt > :since"
                + " ORDER BY i.deletedAt DESC, i.id DESC",
            Interaction.class)
        .setParameter("since", retention.cutoff())
        .getResultList();
  }

  public InteractionView restore(Long id) {
    Interaction interaction = em.find(Interaction.class, id);
    if (interaction == null
        || !interaction.deleted()
        || interaction.deletedAt().isBefore(retention.cutoff())) {
      throw notFound(id);
    }
    context.require(Role.ADMINISTRATOR, "restore interactions");
    interaction.restore(me(), Instant.now());
    flushChecked(interaction);
    audit.change(
        AuditAction.INTERACTION_RESTORED,
        context.actor(),
        "Interaction",
        id,
        null,
        InteractionSnapshot.of(interaction));
    return InteractionView.of(interaction);
  }

  /**
   * Removes for good up to {@code limit} interactions deleted before the cut-off, oldest deletions
   * first; the retention job calls again until fewer come back. Returns how many rows went.
   */
  public int purgeDeletedBefore(Instant cutoff, int limit) {
    context.require(Role.ADMINISTRATOR, "purge deleted interactions");
    List<Long> ids =
        em.createQuery(
                "SELECT i.id FROM Interaction i WHERE i.deletedAt < :cutoff ORDER BY i.deletedAt",
                Long.class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    int purged =
        em.createQuery("DELETE FROM Interaction i WHERE i.id IN :ids")
            .setParameter("ids", ids)
            .executeUpdate();
    audit.change(
        AuditAction.INTERACTION_PURGED,
        context.actor(),
        "Interaction",
        null,
        null,
        Map.of("count", purged, "deletedBefore", cutoff.toString()));
    return purged;
  }

  private Interaction load(Long id) {
    // Loads by id go through the site filter (applyToLoadByKey) and row-level security.
    Interaction interaction = em.find(Interaction.class, id);
    if (interaction == null || interaction.deleted()) {
      throw notFound(id);
    }
    return interaction;
  }

  private ApiException notFound(Long id) {
    String site = context.siteName() == null ? "this site" : context.siteName();
    return context.notFound("Interaction", id, "No interaction " + id + " at " + site + ".");
  }

  /**
   * What saving the draft would report, without saving: the form checks each field as it is left.
   * The id is the interaction being edited (its current type stays allowed), or null.
   */
  public List<FieldError> problems(InteractionDraft draft, Long id) {
    return problemsOf(draft, id == null ? null : load(id).type());
  }

  private void validate(InteractionDraft draft, String currentType) {
    List<FieldError> problems = problemsOf(draft, currentType);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("Some fields are not valid.", problems);
    }
  }

  private List<FieldError> problemsOf(InteractionDraft draft, String currentType) {
    List<FieldError> problems = new ArrayList<>(draft.unreadable());
    Set<String> unreadable =
        draft.unreadable().stream().map(FieldError::field).collect(Collectors.toSet());
    // A field that could not be read is null in the draft: report the format, not "missing".
    validator.problems(draft).stream()
        .filter(e -> !unreadable.contains(e.field()))
        .forEach(problems::add);
    if (!TextRules.isBlank(draft.type()) && !isAllowedType(draft.type(), currentType)) {
      problems.add(new FieldError("type", "Choose one of this site's interaction types."));
    }
    return problems;
  }

  /** An active type of the site, or the record's current type even if retired since. */
  private boolean isAllowedType(String type, String currentType) {
    String wanted = TextRules.clean(type);
    return wanted.equalsIgnoreCase(currentType)
        || types.activeTypes().stream().anyMatch(t -> t.name().equalsIgnoreCase(wanted));
  }

  /** The same title on the same day (in the interaction's zone) is likely a mistake. */
  private void refuseDuplicateTitle(InteractionDraft draft, Long excludedId) {
    ZoneId zone = ZoneId.of(draft.timezone());
    LocalDate day = draft.startDateTime().atZoneSameInstant(zone).toLocalDate();
    String title = TextRules.clean(draft.title());
    // Two requests recording the same title on the same day at once would each find none: the
    // check and the write run under a lock of that site, title and day, held until commit.
    em.createNativeQuery(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock("
                + "hashtextextended(?1 || '/' || lower(?2) || '/' || ?3, 0))) AS locked")
        .setParameter(1, context.siteId().toString())
        .setParameter(2, title)
        .setParameter(3, day.toString())
        .getSingleResult();
    List<Interaction> same =
        em.createQuery(
                "SELECT i FROM Interaction i WHERE lower(i.title) = lower(:title)"
                    + " AND i.deletedAt IS NULL AND i.startTime >= :from AND i.startTime < :to"
                    + " AND i.id <> :excluded",
                Interaction.class)
            .setParameter("title", title)
            .setParameter("from", day.atStartOfDay(zone).toInstant())
            .setParameter("to", day.plusDays(1).atStartOfDay(zone).toInstant())
            .setParameter("excluded", excludedId == null ? -1L : excludedId)
            .setMaxResults(1)
            .getResultList();
    if (!same.isEmpty()) {
      throw new ApiException(
          ErrorCode.DUPLICATE_TITLE,
          "An interaction titled \""
              + title
              + "\" already starts on "
              + day
              + ". Send allowDuplicate=true to record it anyway.",
          List.of(
              new FieldError(
                  "title", "Interaction " + same.get(0).id() + " has this title on that day.")));
    }
  }

  private static void requireVersion(Interaction interaction, long expected) {
    if (interaction.version() != expected) {
      throw conflict(interaction.version());
    }
  }

  /** Writes now, so that a concurrent change is detected here rather than at commit. */
  private void flushChecked(Interaction interaction) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw conflict(-1);
    }
  }

  private static ApiException conflict(long currentVersion) {
    return new ApiException(
        ErrorCode.CONFLICT,
        "Someone else changed this interaction first. Reload it, then apply your change again.",
        currentVersion < 0
            ? List.of()
            : List.of(new FieldError("version", "The current version is " + currentVersion + ".")));
  }

  private User me() {
    return em.getReference(User.class, context.userId());
  }
}

package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.platform.Text;
import org.ims.platform.TextRules;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.site.SiteScoped;

/**
 * The active site's interaction types: the ones offered for new interactions, and their
 * administration by the site's ADMINISTRATORs (add, rename, reorder, retire, reinstate).
 */
@Stateless
@SiteScoped
public class InteractionTypeService {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject InputValidator validator;
  @Inject AuditLog audit;

  /** A type's name as an administrator gives it; surrounding blanks do not count. */
  public record TypeName(@Text(required = true, max = 50, message = "Name the type.") String name) {

    public TypeName {
      name = TextRules.clean(name);
    }
  }

  /** Every type of the site, retired ones too, in the site's order (ADMINISTRATOR). */
  public List<InteractionType> allTypes() {
    context.require(Role.ADMINISTRATOR, "manage interaction types");
    return types();
  }

  /** A new type, offered last. */
  public InteractionType add(TypeName name) {
    context.require(Role.ADMINISTRATOR, "manage interaction types");
    String clean = validName(name, null);
    int last = types().stream().mapToInt(InteractionType::position).max().orElse(0);
    InteractionType type = new InteractionType(context.siteId(), clean, last + 1);
    em.persist(type);
    audit.change(
        AuditAction.INTERACTION_TYPE_CREATED,
        context.actor(),
        "InteractionType",
        type.id(),
        null,
        Map.of("name", clean, "position", type.position()));
    return type;
  }

  /**
   * Renames a type and the interactions recorded with it (also deleted ones, which may come back),
   * so that the Finder's type filter keeps finding them. Their version moves on: a form opened
   * before the rename must not save the old name back.
   */
  public InteractionType rename(long typeId, TypeName name) {
    context.require(Role.ADMINISTRATOR, "manage interaction types");
    InteractionType type = find(typeId);
    String clean = validName(name, type.id());
    String old = type.name();
    if (!old.equals(clean)) {
      type.rename(clean);
      int moved =
          em.createQuery(
                  "UPDATE Interaction i SET i.type = :new, i.version = i.version + 1"
                      + " WHERE i.siteId = :site AND i.type = :old")
              .setParameter("new", clean)
              .setParameter("old", old)
              .setParameter("site", context.siteId())
              .executeUpdate();
      audit.change(
          AuditAction.INTERACTION_TYPE_RENAMED,
          context.actor(),
          "InteractionType",
          type.id(),
          Map.of("name", old),
          Map.of("name", clean, "interactionsRenamed", moved));
    }
    return type;
  }

  /** Puts the site's types in the given order, which must name each of them exactly once. */
  public List<InteractionType> reorder(List<Long> orderedIds) {
    context.require(Role.ADMINISTRATOR, "manage interaction types");
    List<InteractionType> all = types();
    Set<Long> given = orderedIds == null ? Set.of() : new HashSet<>(orderedIds);
    Set<Long> existing = all.stream().map(InteractionType::id).collect(Collectors.toSet());
    if (orderedIds == null || given.size() != orderedIds.size() || !given.equals(existing)) {
      throw ApiException.invalid(
          "The order was not changed.",
          "ids",
          "List every type of the site (retired ones too) exactly once.");
    }
    List<Long> before = all.stream().map(InteractionType::id).toList();
    Map<Long, InteractionType> byId =
        all.stream().collect(Collectors.toMap(InteractionType::id, t -> t));
    for (int i = 0; i < orderedIds.size(); i++) {
      byId.get(orderedIds.get(i)).moveTo(i + 1);
    }
    audit.change(
        AuditAction.INTERACTION_TYPES_REORDERED,
        context.actor(),
        "InteractionType",
        null,
        Map.of("order", before),
        Map.of("order", orderedIds));
    return orderedIds.stream().map(byId::get).toList();
  }

  /** Retired types stay on the interactions that have them but are not offered for new ones. */
  public InteractionType setRetired(long typeId, boolean retired) {
    context.require(Role.ADMINISTRATOR, "manage interaction types");
    InteractionType type = find(typeId);
    boolean was = type.retiredAt() != null;
    if (was != retired) {
      if (retired) {
        type.retire(Instant.now());
      } else {
        type.reinstate();
      }
      audit.change(
          retired ? AuditAction.INTERACTION_TYPE_RETIRED : AuditAction.INTERACTION_TYPE_REINSTATED,
          context.actor(),
          "InteractionType",
          type.id(),
          Map.of("name", type.name(), "retired", was),
          Map.of("name", type.name(), "retired", retired));
    }
    return type;
  }

  private List<InteractionType> types() {
    return em.createQuery(
            "SELECT t FROM InteractionType t ORDER BY t.position, t.name", InteractionType.class)
        .getResultList();
  }

  /** A type of the active site (the site filter applies to loads by id too), else 404. */
  private InteractionType find(long typeId) {
    InteractionType type = em.find(InteractionType.class, typeId);
    if (type == null) {
      throw context.notFound(
          "InteractionType", typeId, "There is no interaction type " + typeId + " at this site.");
    }
    return type;
  }

  /** The name, or 400 when it is missing, too long or taken at the site (retired types too). */
  private String validName(TypeName name, Long exceptId) {
    boolean taken =
        name.name() != null
            && types().stream()
                .anyMatch(t -> !t.id().equals(exceptId) && t.name().equalsIgnoreCase(name.name()));
    validator.require(
        name,
        "The type was not saved.",
        taken
            ? List.of(
                new FieldError(
                    "name", "The site already has a type of this name (perhaps retired)."))
            : List.of());
    return name.name();
  }

  /** The types offered for new interactions, in the site's order. */
  public List<InteractionType> activeTypes() {
    return em.createQuery(
            "SELECT t FROM InteractionType t WHERE t.retiredAt IS NULL ORDER BY t.position, t.name",
            InteractionType.class)
        .getResultList();
  }
}

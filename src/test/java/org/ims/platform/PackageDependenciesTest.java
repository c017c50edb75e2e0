package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependencies between the application's packages pointing one way, as
 * docs/architecture.md draws them: each package may use only the packages listed for it, all of
 * which come before it. A new package, or a use against the order, fails the build.
 */
class PackageDependenciesTest {

  private static final String ROOT = "org.ims.";

  /** Every package of the application, bottom first, with what it may use. */
  private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("platform", Set.of());
    ALLOWED.put("audit", Set.of("platform"));
    ALLOWED.put("site", Set.of("audit", "platform"));
    ALLOWED.put("user", Set.of("site", "audit", "platform"));
    ALLOWED.put("auth", Set.of("user", "site", "audit", "platform"));
    ALLOWED.put("interaction", Set.of("user", "site", "audit", "platform"));
    ALLOWED.put("audit.viewer", Set.of("site", "audit", "platform"));
    ALLOWED.put("retention", Set.of("interaction", "auth", "audit", "platform"));
  }

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ims");

  @Test
  void everyPackageUsesOnlyThePackagesBelowIt() {
    List<String> violations = new ArrayList<>();
    for (JavaClass type : CLASSES) {
      String from = packageOf(type);
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String to = packageOf(dependency.getTargetClass());
        if (to != null && !to.equals(from) && !ALLOWED.get(from).contains(to)) {
          violations.add(from + " -> " + to + ": " + dependency.getDescription());
        }
      }
    }
    assertEquals(List.of(), violations.stream().distinct().sorted().limit(40).toList());
  }

  @Test
  void everyPackageHasItsPlaceInTheOrder() {
    Set<String> found = new TreeSet<>();
    CLASSES.forEach(type -> found.add(type.getPackageName().substring(ROOT.length())));
    assertEquals(new TreeSet<>(ALLOWED.keySet()), found);
  }

  @Test
  void theOrderHasNoCycle() {
    List<String> seen = new ArrayList<>();
    ALLOWED.forEach(
        (name, uses) -> {
          assertEquals(
              Set.of(),
              uses.stream()
                  .filter(u -> !seen.contains(u))
                  .collect(java.util.stream.Collectors.toSet()),
              name + " may only use packages before it");
          seen.add(name);
        });
  }

  /** The application package of a class (null for libraries), checked to be a known one. */
  private static String packageOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String relative = name.substring(ROOT.length());
    if (!ALLOWED.containsKey(relative)) {
      throw new AssertionError("Package " + name + " has no place in the order; add it");
    }
    return relative;
  }
}

package org.ims.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a service that touches site-owned data has a public method without the site-scoping
 * interceptor. "Touches" is read from the compiled code: the class uses an EntityManager and its
 * bytecode refers to an entity implementing {@link SiteOwned}.
 */
class SiteScopedGuardTest {

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void everyPublicMethodOfASiteDataServiceIsSiteScoped() throws Exception {
    List<Class<?>> all = mainClasses();
    List<Class<?>> siteOwned =
        all.stream().filter(c -> SiteOwned.class.isAssignableFrom(c) && !c.isInterface()).toList();
    assertTrue(siteOwned.size() >= 2, "site-owned entities found: " + siteOwned);

    List<String> services = new ArrayList<>();
    List<String> unscoped = new ArrayList<>();
    for (Class<?> type : all) {
      if (!usesEntityManager(type) || !refersToAny(type, siteOwned)) {
        continue;
      }
      services.add(type.getSimpleName());
      boolean classScoped = type.isAnnotationPresent(SiteScoped.class);
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers())
            && !method.isSynthetic()
            && !classScoped
            && !method.isAnnotationPresent(SiteScoped.class)) {
          unscoped.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertTrue(
        services.containsAll(List.of("InteractionService", "InteractionTypeService")),
        "the guard sees the services it must guard: " + services);
    assertEquals(List.of(), unscoped, "public methods touching site data without @SiteScoped");
  }

  private static boolean usesEntityManager(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .anyMatch(f -> f.getType() == EntityManager.class);
  }

  /** Whether the class file's constant pool names one of these classes. */
  private static boolean refersToAny(Class<?> type, List<Class<?>> targets) {
    if (targets.contains(type)) {
      return false;
    }
    String code = new String(bytes(type), StandardCharsets.ISO_8859_1);
    for (Class<?> target : targets) {
      String internal = target.getName().replace('.', '/');
      String exact =
          new String(new byte[] {0, (byte) internal.length()}, StandardCharsets.ISO_8859_1)
              + internal;
      if (code.contains(exact) || code.contains("L" + internal + ";")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(Class<?> type) {
    try {
      return Files.readAllBytes(CLASSES.resolve(type.getName().replace('.', '/') + ".class"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Class<?>> mainClasses() throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.endsWith("package-info")) {
          continue;
        }
        try {
          classes.add(Class.forName(name, false, SiteScopedGuardTest.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("Cannot load " + name, e);
        }
      }
    }
    return classes;
  }
}

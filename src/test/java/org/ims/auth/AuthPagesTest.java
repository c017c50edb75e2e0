package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class AuthPagesTest {

  @ParameterizedTest
  @CsvSource({
    "/index.xhtml, /index.xhtml",
    "/change-password.xhtml?x=1, /change-password.xhtml?x=1",
    "//evil.example/, /index.xhtml",
    "https://evil.example/, /index.xhtml",
    "/\\evil.example, /index.xhtml",
    "/login.xhtml?next=/x, /index.xhtml"
  })
  void onlyPathsOfThisApplicationAreRedirectTargets(String next, String expected) {
    assertEquals(expected, AuthPages.safeNext(next));
  }

  @ParameterizedTest
  @NullSource
  void noTargetMeansHome(String next) {
    assertEquals(org.ims.platform.Pages.HOME, AuthPages.safeNext(next));
  }
}

package org.ims.auth;

import org.ims.platform.Pages;

/** The pages of signing in, and where they may send the user afterwards. */
final class AuthPages {

  static final String LOGIN = "/login.xhtml";
  static final String SELECT_SITE = "/select-site.xhtml";
  static final String CHANGE_PASSWORD = "/change-password.xhtml";

  private AuthPages() {}

  /**
   * Only a path inside this application may be a redirect target after login: anything else
   * ("//evil.example", "https://…") would make the login page an open redirect.
   */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.startsWith(LOGIN)) {
      return Pages.HOME;
    }
    return next;
  }
}

package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.ims.testing.PageClient;
import org.junit.jupiter.api.Test;

/**
 * A form post that did not come from a page this server rendered (no valid view state) is refused
 * and changes nothing: the classic cross-site "log the victim out" post leaves the session alone.
 */
class CsrfIT {

  private final PageClient browser = new PageClient();

  @Test
  void aForgedLogoutPostIsRefusedAndTheSessionStays() {
    assertEquals(302, browser.logIn("viewer", "Viewer#2026pass").statusCode());
    assertEquals(200, browser.get("/index.xhtml").statusCode());

    HttpResponse<String> forged =
        browser.post(
            "/index.xhtml",
            "topbar=topbar&topbar%3Alogout=topbar%3Alogout&jakarta.faces.ViewState=-123%3A456");
    assertEquals(400, forged.statusCode());
    assertTrue(forged.body().contains("did not come from this application"), forged.body());

    HttpResponse<String> after = browser.get("/index.xhtml");
    assertEquals(200, after.statusCode(), "still logged in");
    assertTrue(after.body().contains("viewer"));
  }
}

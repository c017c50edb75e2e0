package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A page request whose session the server no longer has (its timeout passed, the server restarted):
 * the login page says the session ended, and returns to the page the user was on, the record it
 * names included, also when the request was a form sent from it.
 */
class PageSessionIT {

  private static final String FORM = "jakarta.faces.partial.ajax=true&interaction%3Asave=x";

  @Test
  void anOpenedPageWithAnEndedSessionSaysSoAndReturnsToItself() {
    Http.Reply reply =
        Http.get("/interaction.xhtml?id=42&back=search%3Dzebra", "Cookie", "JSESSIONID=gone1");
    assertEquals(302, reply.status());
    String location = reply.header("Location").orElseThrow();
    assertTrue(location.contains("expired=true"), location);
    assertTrue(
        location.contains("next=%2Finteraction.xhtml%3Fid%3D42%26back%3Dsearch%253Dzebra"),
        location);
  }

  @Test
  void aFormSentAfterTheSessionEndedReturnsToThePageItWasSentFrom() {
    String page = TestEnvironment.baseUrl() + "/interaction.xhtml?id=42&back=search%3Dzebra";
    Http.Reply reply =
        Http.send(
            "POST",
            "/interaction.xhtml",
            FORM,
            "Cookie",
            "JSESSIONID=gone2",
            "Referer",
            page,
            "Faces-Request",
            "partial/ajax",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertEquals(200, reply.status(), "a redirect the page script follows");
    assertTrue(reply.body().contains("<redirect url="), reply.body());
    assertTrue(reply.body().contains("expired=true"), reply.body());
    assertTrue(
        reply.body().contains("next=%2Finteraction.xhtml%3Fid%3D42%26back%3Dsearch%253Dzebra"),
        reply.body());
  }

  @Test
  void aRefererOfAnotherSiteIsNotFollowed() {
    Http.Reply reply =
        Http.send(
            "POST",
            "/interaction.xhtml",
            FORM,
            "Cookie",
            "JSESSIONID=gone3",
            "Referer",
            "https://elsewhere.example/interaction.xhtml?id=42",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertEquals(302, reply.status());
    String location = reply.header("Location").orElseThrow();
    assertTrue(location.contains("next=%2Finteraction.xhtml&"), location);
    assertTrue(location.contains("expired=true"), location);
  }
}

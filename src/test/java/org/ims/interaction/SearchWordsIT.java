package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What people paste into the search box: parts of e-mail addresses, host names, paths, reference
 * codes and version numbers find the record that holds them, as any other word does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWordsIT {

  private String token;

  @BeforeAll
  void seed() {
    String site = TestUsers.createSite("Words");
    token = Api.token(TestUsers.create("words", site + ":EDITOR"), TestUsers.PASSWORD);
    Interactions.created(
        token,
        Interactions.body()
            .add("title", "Supplier kick-off")
            .add(
                "description",
                "Ask jane.doe@example.com; plans on https://intranet.example.org/plans/q3,"
                    + " ticket REF-8e4c-007412e1, release v1.2.3, file budget_2026.xlsx"));
    Interactions.created(token, Interactions.body().add("title", "Code 8e4c alone"));
  }

  @Test
  void everyPartOfAnAddressCodeOrPathIsAWord() {
    for (String typed :
        List.of(
            "jane",
            "doe",
            "jane.doe@example.com",
            "intranet",
            "plans q3",
            "007412e1",
            "ref-8e4c",
            "REF-8e4c-007412e1",
            "v1.2",
            "2026",
            "budget_2026",
            "kick")) {
      assertEquals(List.of("Supplier kick-off"), titles("search=" + encode(typed)), typed);
    }
    assertEquals(
        List.of("Code 8e4c alone", "Supplier kick-off"),
        titles("search=8e4c&sort=title"),
        "a code typed alone finds it alone and within a longer one");
    assertEquals(List.of(), titles("search=intranets"), "still whole words' starts only");
  }

  private List<String> titles(String query) {
    Http.Reply reply = Api.get(token, "/api/interactions?" + query);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("title"))
        .toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

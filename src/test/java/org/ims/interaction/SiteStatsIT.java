package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * What the database keeps per site for the Finder (migration V3): the total shown with every page
 * follows creates, deletes, restores and purges, and an edit leaves it alone; the longest duration
 * that bounds date-range searches grows with edits, so a long interaction is still found.
 */
class SiteStatsIT {

  private final String site = TestUsers.createSite("Totals");
  private final String token =
      Api.token(TestUsers.create("totals", site + ":ADMINISTRATOR"), TestUsers.PASSWORD);

  @Test
  void theSiteTotalFollowsEveryChangeOfLiveInteractions() throws SQLException {
    assertEquals(0, total());
    long first = Interactions.id(Interactions.created(token, Interactions.body()));
    JsonObject second = Interactions.created(token, Interactions.body());
    assertEquals(2, total(), "two created");

    Interactions.put(
        token,
        Interactions.id(second),
        Interactions.body().add("version", second.getJsonNumber("version").longValue()));
    assertEquals(2, total(), "an edit changes nothing");

    Api.send("DELETE", token, "/api/interactions/" + first, null);
    assertEquals(1, total(), "deleted");
    Api.send("POST", token, "/api/interactions/" + first + "/restore", null);
    assertEquals(2, total(), "restored");

    Api.send("DELETE", token, "/api/interactions/" + first, null);
    purge(first);
    assertEquals(1, total(), "a purge removes a row that no longer counted");
    assertEquals(
        Long.toString(TestUsers.interactionsAt(site, "deleted_at IS NULL")),
        TestUsers.query(
            "SELECT live FROM site_interaction_stats c JOIN sites s ON s.id = c.site_id"
                + " WHERE s.name = ?",
            site),
        "the kept total equals a count");
  }

  @Test
  void anInteractionMadeLongerIsFoundByARangeWellAfterItsStart() {
    JsonObject created = Interactions.created(token, Interactions.body());
    String inside = "/api/interactions?from=2026-05-10&to=2026-05-11&tz=Europe/London";
    assertEquals(0, Api.get(token, inside).json().getJsonArray("data").size());

    Interactions.put(
        token,
        Interactions.id(created),
        Interactions.body()
            .add("title", created.getString("title"))
            .add("endDateTime", "2026-05-20T17:00:00+01:00")
            .add("version", created.getJsonNumber("version").longValue()));
    assertEquals(
        List.of(created.getString("title")),
        Api.get(token, inside).json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .map(row -> row.getString("title"))
            .toList(),
        "starts on 4 May, now ends on 20 May: overlaps 10 May");
  }

  /** What the nightly purge does, done now (as a superuser: row-level security binds the owner). */
  private static void purge(long id) throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsSuperuser();
        PreparedStatement delete = c.prepareStatement("DELETE FROM interactions WHERE id = ?")) {
      delete.setLong(1, id);
      assertEquals(1, delete.executeUpdate());
    }
  }

  private int total() {
    return Api.get(token, "/api/interactions")
        .json()
        .getJsonObject("meta")
        .getInt("unfilteredTotal");
  }
}

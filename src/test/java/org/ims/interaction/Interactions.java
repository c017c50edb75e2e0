package org.ims.interaction;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import org.ims.testing.Api;
import org.ims.testing.Http;

/** Test data and calls for the interaction API. */
public final class Interactions {

  private Interactions() {}

  /** A valid body with a unique title; adjust with {@link JsonObjectBuilder#add}. */
  public static JsonObjectBuilder body() {
    return Json.createObjectBuilder()
        .add("title", "Test " + UUID.randomUUID())
        .add("type", "Meeting")
        .add("lead", "Amelia Hughes")
        .add("startDateTime", "2026-05-04T09:00:00+01:00")
        .add("endDateTime", "2026-05-04T10:30:00+01:00")
        .add("timezone", "Europe/London")
        .add("location", "Board Room")
        .add("description", "Quarterly figures")
        .add("notes", "Bring the forecast");
  }

  static Http.Reply create(String token, JsonObjectBuilder body) {
    return Api.send("POST", token, "/api/interactions", body.build().toString());
  }

  /** Creates and returns the created record; fails the test otherwise. */
  static JsonObject created(String token, JsonObjectBuilder body) {
    Http.Reply reply = create(token, body);
    if (reply.status() != 201) {
      throw new AssertionError("create answered " + reply.status() + ": " + reply.body());
    }
    return reply.json().getJsonObject("data");
  }

  static Http.Reply get(String token, long id) {
    return Api.get(token, "/api/interactions/" + id);
  }

  static Http.Reply put(String token, long id, JsonObjectBuilder body, String... headers) {
    return Api.send("PUT", token, "/api/interactions/" + id, body.build().toString(), headers);
  }

  static long id(JsonObject interaction) {
    return interaction.getJsonNumber("id").longValue();
  }
}

package org.ims.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Calls of the REST API as a logged-in user, on top of {@link Http}. */
public final class Api {

  private Api() {}

  /** The answer to a login with these credentials. */
  public static Http.Reply login(String username, String password) {
    return Http.send(
        "POST",
        "/api/auth/login",
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString(),
        "Content-Type",
        "application/json");
  }

  /** The data of a successful login; fails the test otherwise. */
  public static JsonObject session(String username, String password) {
    Http.Reply reply = login(username, password);
    if (reply.status() != 200) {
      throw new AssertionError(
          "login of " + username + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.json().getJsonObject("data");
  }

  public static String token(String username, String password) {
    return session(username, password).getString("token");
  }

  public static Http.Reply get(String token, String path) {
    return Http.send("GET", path, null, "Authorization", "Bearer " + token);
  }

  public static Http.Reply post(String token, String path, String json) {
    return token == null
        ? Http.send("POST", path, json, "Content-Type", "application/json")
        : Http.send(
            "POST",
            path,
            json,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token);
  }
}

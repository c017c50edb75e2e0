package org.ims.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls of the REST API as a logged-in user, on top of {@link Http}. */
public final class Api {

  private Api() {}

  /** The answer to a login with these credentials. */
  public static Http.Reply login(String username, String password) {
    return Http.send(
        "POST",
        "/api/auth/login",
        loginBody(username, password),
        "Content-Type",
        "application/json");
  }

  /** The JSON body of a login request. */
  public static String loginBody(String username, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .build()
        .toString();
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

  public static final Map<String, String> DEMO_PASSWORDS =
      Map.of(
          "admin", "Admin#2026pass",
          "editor", "Editor#2026pass",
          "viewer", "Viewer#2026pass",
          "lab", "Lab#2026pass");

  private static final Map<String, String> DEMO_TOKENS = new ConcurrentHashMap<>();

  /**
   * A token of a demo user at their default site, logged in once per test run: the login limit per
   * username would refuse a login in every test. Tests that end sessions use their own.
   */
  public static String demoToken(String username) {
    return DEMO_TOKENS.computeIfAbsent(username, u -> token(u, DEMO_PASSWORDS.get(u)));
  }

  /** A token of a demo user switched to another of their sites (also logged in once). */
  public static String demoToken(String username, String site) {
    String key = username + "@" + site;
    String cached = DEMO_TOKENS.get(key);
    if (cached != null) {
      return cached;
    }
    String siteId = TestUsers.query("SELECT id FROM sites WHERE name = ?", site);
    String token =
        post(demoToken(username), "/api/auth/site", "{\"siteId\":" + siteId + "}")
            .json()
            .getJsonObject("data")
            .getString("token");
    DEMO_TOKENS.put(key, token);
    return token;
  }

  /** Any request with a JSON body as this token's user; {@code headers} are name, value pairs. */
  public static Http.Reply send(
      String method, String token, String path, String json, String... headers) {
    String[] all = new String[headers.length + 4];
    all[0] = "Content-Type";
    all[1] = "application/json";
    all[2] = "Authorization";
    all[3] = "Bearer " + token;
    System.arraycopy(headers, 0, all, 4, headers.length);
    return Http.send(method, path, json, all);
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

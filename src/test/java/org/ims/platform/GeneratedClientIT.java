package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.ims.client.ApiClient;
import org.ims.client.ApiException;
import org.ims.client.api.AuthenticationApi;
import org.ims.client.api.InteractionsApi;
import org.ims.client.model.Interaction;
import org.ims.client.model.InteractionInput;
import org.ims.client.model.InteractionPageResponse;
import org.ims.client.model.LoginInput;
import org.ims.client.model.MySite;
import org.ims.client.model.Session;
import org.ims.client.model.SiteChoiceInput;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * What a client team does with the REST contract: generate a client from it (openapi-generator, at
 * build time, from the document the server serves) and work with it: log in, switch site, create,
 * search, update with If-Match, delete.
 */
class GeneratedClientIT {

  @Test
  void aClientGeneratedFromTheContractDoesTheDailyWork() throws Exception {
    String username =
        TestUsers.create("client", "Headquarters:EDITOR", "Field Office:ADMINISTRATOR");

    Session session =
        new AuthenticationApi(client(null))
            .login(new LoginInput().username(username).password(TestUsers.PASSWORD))
            .getData();
    MySite fieldOffice =
        session.getUser().getSites().stream()
            .filter(s -> s.getName().equals("Field Office"))
            .findFirst()
            .orElseThrow();
    Session atFieldOffice =
        new AuthenticationApi(client(session.getToken()))
            .switchSite(new SiteChoiceInput().siteId(fieldOffice.getId()))
            .getData();
    assertEquals("Field Office", atFieldOffice.getCurrentSite().getName());
    InteractionsApi interactions = new InteractionsApi(client(atFieldOffice.getToken()));

    OffsetDateTime start =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.HOURS);
    String title = "Generated client " + UUID.randomUUID();
    Interaction created =
        interactions
            .createInteraction(
                new InteractionInput()
                    .title(title)
                    .type("Meeting")
                    .lead("Casey Client")
                    .startDateTime(start)
                    .endDateTime(start.plusHours(1))
                    .timezone("Europe/Paris"),
                false)
            .getData();
    assertEquals(0L, created.getVersion());
    assertEquals(fieldOffice.getId(), created.getSiteId());

    InteractionPageResponse found =
        interactions.findInteractions(
            title,
            null,
            null,
            null,
            List.of("Meeting"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            10);
    assertEquals(1L, found.getMeta().getPagination().getTotalRecords());
    assertEquals(created.getId(), found.getData().get(0).getId());

    Interaction updated =
        interactions
            .updateInteraction(
                created.getId(),
                new InteractionInput()
                    .title(title)
                    .type("Call")
                    .lead("Casey Client")
                    .startDateTime(start)
                    .endDateTime(start.plusHours(2))
                    .timezone("Europe/Paris"),
                "\"" + created.getVersion() + "\"",
                false)
            .getData();
    assertEquals(1L, updated.getVersion());
    assertEquals("Call", updated.getType());

    ApiException stale =
        assertThrows(
            ApiException.class,
            () ->
                interactions.updateInteraction(
                    created.getId(),
                    new InteractionInput()
                        .title(title)
                        .type("Email")
                        .lead("Casey Client")
                        .startDateTime(start)
                        .endDateTime(start.plusHours(1))
                        .timezone("Europe/Paris"),
                    "\"0\"",
                    false));
    assertEquals(409, stale.getCode());
    assertTrue(stale.getResponseBody().contains("CONFLICT"), stale.getResponseBody());

    interactions.deleteInteraction(created.getId(), "\"" + updated.getVersion() + "\"");
    ApiException gone =
        assertThrows(ApiException.class, () -> interactions.getInteraction(created.getId()));
    assertEquals(404, gone.getCode());
  }

  /** A client of the test server; with a token, it sends it as the bearer. */
  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(TestEnvironment.baseUrl());
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }
}

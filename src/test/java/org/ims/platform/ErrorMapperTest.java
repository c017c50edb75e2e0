package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  private final ErrorMapper mapper = new ErrorMapper();

  @Test
  void apiExceptionKeepsItsStatusCodeAndDetailsEvenWhenWrappedByTheContainer() {
    var failure =
        new ApiException(
            ErrorCode.DUPLICATE_TITLE,
            "Already there",
            List.of(new ErrorEnvelope.FieldError("title", "taken")));
    Response response = mapper.toResponse(new EJBException(failure));
    assertEquals(409, response.getStatus());
    ErrorEnvelope body = (ErrorEnvelope) response.getEntity();
    assertEquals("error", body.status());
    assertEquals("DUPLICATE_TITLE", body.error().code());
    assertEquals("Already there", body.error().message());
    assertEquals(List.of(new ErrorEnvelope.FieldError("title", "taken")), body.error().details());
  }

  @Test
  void unreadableJsonIsABadRequestThatRepeatsNoneOfTheParsersInternals() {
    Response response =
        mapper.toResponse(
            new ProcessingException(
                new JsonbException(
                    "Unable to deserialize property 'x' because of: class org.x.Y")));
    assertEquals(400, response.getStatus());
    ErrorEnvelope body = (ErrorEnvelope) response.getEntity();
    assertEquals("MALFORMED_REQUEST", body.error().code());
    assertEquals("body", body.error().details().get(0).field());
    assertFalse(body.toString().contains("org.x"), body.toString());
  }

  @Test
  void aDatabaseThatCannotBeReachedIsA503WithRetryAfter() {
    Response response =
        mapper.toResponse(
            new jakarta.persistence.PersistenceException(
                new java.sql.SQLException("Connection refused", "08001")));
    assertEquals(503, response.getStatus());
    assertEquals("SERVICE_UNAVAILABLE", ((ErrorEnvelope) response.getEntity()).error().code());
    assertTrue(Integer.parseInt(response.getHeaderString("Retry-After")) > 0);
  }

  @Test
  void frameworkErrorsKeepTheirStatusAndUsefulHeaders() {
    Response response = mapper.toResponse(new NotAllowedException("POST", new String[] {"GET"}));
    assertEquals(405, response.getStatus());
    assertEquals("METHOD_NOT_ALLOWED", ((ErrorEnvelope) response.getEntity()).error().code());
    assertTrue(
        response.getHeaderString("Allow").contains("GET"), response.getHeaderString("Allow"));
  }

  @Test
  void unexpectedFailuresAreA500ThatRevealsNothing() {
    Response response =
        mapper.toResponse(new IllegalStateException("connection to db.internal:5432 refused"));
    assertEquals(500, response.getStatus());
    ErrorEnvelope body = (ErrorEnvelope) response.getEntity();
    assertEquals("INTERNAL_ERROR", body.error().code());
    assertFalse(body.error().message().contains("db.internal"));
  }
}

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
  void unreadableJsonIsABadRequestNamingTheProblem() {
    Response response =
        mapper.toResponse(new ProcessingException(new JsonbException("Unexpected char 'x' at 3")));
    assertEquals(400, response.getStatus());
    ErrorEnvelope body = (ErrorEnvelope) response.getEntity();
    assertEquals("MALFORMED_REQUEST", body.error().code());
    assertEquals("body", body.error().details().get(0).field());
    assertTrue(body.error().details().get(0).message().contains("Unexpected char"));
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

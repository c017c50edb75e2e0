package org.ims.platform;

/** Request bodies that an operation cannot do without. */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * The body, or 400 when the request had none. (Not {@code @NotNull} on the parameter: Payara's
   * OpenAPI generator fails on constrained body parameters.)
   */
  public static <T> T required(T body) {
    if (body == null) {
      throw ApiException.invalid("A JSON body is required.", "body", "A JSON body is required.");
    }
    return body;
  }
}

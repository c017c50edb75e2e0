package org.ims.platform;

/**
 * Every error a caller of the system can receive: the code a program branches on, with the HTTP
 * status it is answered with. Services refuse with one of these ({@link ApiException}); the REST
 * API answers it as the error envelope, and pages show its message.
 */
public enum ErrorCode {
  /** The generic 400, for framework refusals that say no more. */
  BAD_REQUEST(400),
  /** One or more inputs break a rule; the details name each field or parameter. */
  VALIDATION_ERROR(400),
  /** The body is not JSON of the expected shape. */
  MALFORMED_REQUEST(400),
  UNAUTHORIZED(401),
  INVALID_CREDENTIALS(401),
  INVALID_REFRESH_TOKEN(401),
  /** The session behind the token was ended (logout, deactivation, refresh-token reuse). */
  SESSION_ENDED(401),
  FORBIDDEN(403),
  /** Right password, but every site of the user is deactivated. */
  NO_ACTIVE_SITE(403),
  /** The password expired or is temporary: only changing it is allowed. */
  PASSWORD_CHANGE_REQUIRED(403),
  /** The caller's membership of the active site was removed. */
  SITE_ACCESS_REVOKED(403),
  /** The active site is deactivated: it can be read, not changed. */
  SITE_READ_ONLY(403),
  /** The account also works at sites the administrator does not administer. */
  USER_OF_OTHER_SITES(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  NOT_ACCEPTABLE(406),
  /** Someone else changed the resource first (optimistic locking), or the state forbids it. */
  CONFLICT(409),
  ALREADY_MEMBER(409),
  /** The same title already starts on that day; {@code allowDuplicate=true} records it anyway. */
  DUPLICATE_TITLE(409),
  /** The user's only membership: every user keeps at least one site. */
  LAST_MEMBERSHIP(409),
  PAYLOAD_TOO_LARGE(413),
  /** The address with its query string is longer than the server reads (8 KB). */
  URI_TOO_LONG(414),
  UNSUPPORTED_MEDIA_TYPE(415),
  LOCKED(423),
  ACCOUNT_LOCKED(423),
  /** A change that must say which version it changes did not ({@code If-Match} or version). */
  PRECONDITION_REQUIRED(428),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  SERVICE_UNAVAILABLE(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The code of a status that carries no more specific explanation (framework refusals). */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 423 -> LOCKED;
      case 428 -> PRECONDITION_REQUIRED;
      case 429 -> RATE_LIMITED;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    };
  }

  /** A plain sentence for a status that carries no more specific explanation. */
  public static String messageFor(int status) {
    return switch (status) {
      case 400 -> "The request is not valid.";
      case 401 -> "Authentication is required.";
      case 403 -> "You are not allowed to do this.";
      case 404 -> "Nothing was found at this address.";
      case 405 -> "This method is not allowed here.";
      case 406 -> "No acceptable representation: this API speaks application/json.";
      case 409 -> "The request conflicts with the current state of the resource.";
      case 413 -> "The request body is too large.";
      case 414 -> "The address is too long.";
      case 415 -> "Unsupported content type: send application/json.";
      case 423 -> "The resource is locked.";
      case 428 -> "Say which version you are changing.";
      case 429 -> "Too many requests: slow down and retry later.";
      case 503 -> "The service is temporarily unavailable.";
      default ->
          status >= 500
              ? "An unexpected error occurred. Quote the request id if you report it."
              : "The request could not be processed.";
    };
  }
}

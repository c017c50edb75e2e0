package org.ims.platform;

/**
 * What services and log lines need to know about the HTTP request they serve, without depending on
 * the servlet API: its id (for logs, errors and audit entries), the client's address, and once the
 * caller is known, the user and the active site. Bound to the thread by {@link RequestIdFilter} for
 * the length of the request.
 */
public final class CurrentRequest {

  private static final class Info {
    final String id;
    final String clientAddress;
    Long userId;
    Long siteId;

    Info(String id, String clientAddress) {
      this.id = id;
      this.clientAddress = clientAddress;
    }
  }

  private static final ThreadLocal<Info> CURRENT = new ThreadLocal<>();

  private CurrentRequest() {}

  /** The request id, or {@code null} outside a request (timers, start-up). */
  public static String id() {
    Info info = CURRENT.get();
    return info == null ? null : info.id;
  }

  /**
   * The client's address: the connection's, or behind a trusted proxy the client's ({@link
   * ForwardedHeadersFilter}); {@code null} outside a request.
   */
  public static String clientAddress() {
    Info info = CURRENT.get();
    return info == null ? null : info.clientAddress;
  }

  /** The calling user, or {@code null} while unknown (before authentication, anonymous pages). */
  public static Long userId() {
    Info info = CURRENT.get();
    return info == null ? null : info.userId;
  }

  /** The caller's active site, or {@code null} while unknown. */
  public static Long siteId() {
    Info info = CURRENT.get();
    return info == null ? null : info.siteId;
  }

  /**
   * Records who the caller is, once authentication has established it; from then on every log line
   * of the request names them. Outside a request it does nothing.
   */
  public static void identify(Long userId, Long siteId) {
    Info info = CURRENT.get();
    if (info != null) {
      info.userId = userId;
      info.siteId = siteId;
    }
  }

  static void bind(String id, String clientAddress) {
    CURRENT.set(new Info(id, clientAddress));
  }

  static void unbind() {
    CURRENT.remove();
  }
}

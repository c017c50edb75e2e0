package org.ims.platform;

/**
 * What services need to know about the HTTP request they serve, without depending on the servlet
 * API: its id (for logs, errors and audit entries) and the client's address. Bound to the thread by
 * {@link RequestIdFilter} for the length of the request.
 */
public final class CurrentRequest {

  private record Info(String id, String clientAddress) {}

  private static final ThreadLocal<Info> CURRENT = new ThreadLocal<>();

  private CurrentRequest() {}

  /** The request id, or {@code null} outside a request (timers, start-up). */
  public static String id() {
    Info info = CURRENT.get();
    return info == null ? null : info.id();
  }

  /** The client's address as the server saw it, or {@code null} outside a request. */
  public static String clientAddress() {
    Info info = CURRENT.get();
    return info == null ? null : info.clientAddress();
  }

  static void bind(String id, String clientAddress) {
    CURRENT.set(new Info(id, clientAddress));
  }

  static void unbind() {
    CURRENT.remove();
  }
}

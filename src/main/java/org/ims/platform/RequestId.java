package org.ims.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's response, log lines and audit entries together. Taken from the
 * caller's {@code X-Request-ID} when it is a sane token (so a load balancer's id carries through),
 * generated otherwise; never trusted blindly, since it ends up in logs.
 */
public final class RequestId {

  public static final String HEADER = "X-Request-ID";

  /** Request attribute holding the id, readable from error pages that run after the filter. */
  public static final String ATTRIBUTE = RequestId.class.getName();

  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestId() {}

  /** The caller's id if it is acceptable, else a fresh one. */
  static String acceptOrGenerate(String incoming) {
    if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
      return incoming;
    }
    return UUID.randomUUID().toString();
  }
}

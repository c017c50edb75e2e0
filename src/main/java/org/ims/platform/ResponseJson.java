package org.ims.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: a property the API does not know is an error (a typo must not be
 * silently dropped), answered 400 by {@link ErrorMapper}.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  // Yasson's switch; other JSON-B implementations ignore the unknown key.
  private static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN, true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}

package org.ims.platform;

/**
 * A class whose instances are read from a JSON request body by {@link StrictJsonBodyReader}: plain
 * public fields, no logic beyond turning into the service's input. The marker also makes that
 * reader the most specific one for the body, ahead of the runtime's lenient JSON binding.
 */
public interface JsonBody {}

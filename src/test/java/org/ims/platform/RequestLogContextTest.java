package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request's id, user and site on every record logged while it is served, by any logger. */
class RequestLogContextTest {

  private final List<LogRecord> published = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (isLoggable(record)) {
            published.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger logger = Logger.getLogger("org.hibernate.test-" + System.nanoTime());

  @BeforeEach
  void installOnAHandler() {
    handler.setFilter(new RequestLogContext.ContextFilter(null));
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  @AfterEach
  void unbind() {
    CurrentRequest.unbind();
    logger.removeHandler(handler);
  }

  @Test
  void aRecordOfAnyLoggerCarriesTheRequestUserAndSite() {
    CurrentRequest.bind("req-1", "127.0.0.1");
    CurrentRequest.identify(7L, 3L);
    logger.log(Level.WARNING, "Slow statement: {0} ms", 812);
    Object[] parameters = published.get(0).getParameters();
    assertEquals(812, parameters[0]);
    assertEquals(Map.of("requestId", "req-1", "userId", 7L, "siteId", 3L), parameters[1]);
  }

  @Test
  void beforeAuthenticationOnlyTheRequestIdIsKnown() {
    CurrentRequest.bind("req-2", "127.0.0.1");
    logger.info("Login page rendered");
    assertEquals(Map.of("requestId", "req-2"), published.get(0).getParameters()[0]);
  }

  @Test
  void outsideARequestRecordsAreLeftAlone() {
    logger.info("Nightly purge done");
    assertNull(published.get(0).getParameters());
  }

  @Test
  void aRecordPassingTwoHandlersGetsTheFieldsOnce() {
    CurrentRequest.bind("req-3", "127.0.0.1");
    LogRecord record = new LogRecord(Level.INFO, "twice");
    RequestLogContext.ContextFilter filter = new RequestLogContext.ContextFilter(null);
    filter.isLoggable(record);
    filter.isLoggable(record);
    assertEquals(1, record.getParameters().length);
  }

  @Test
  void aMessageWithAPlaceholderWhereTheFieldsWouldGoKeepsItsText() {
    CurrentRequest.bind("req-4", "127.0.0.1");
    logger.info("Template {0} has no parameters");
    assertNull(published.get(0).getParameters(), "the formatter would print the fields as {0}");
  }

  @Test
  void anotherFilterOfTheHandlerStillDecides() {
    handler.setFilter(new RequestLogContext.ContextFilter(r -> !r.getMessage().contains("noise")));
    CurrentRequest.bind("req-5", "127.0.0.1");
    logger.info("noise");
    logger.info("signal");
    assertEquals(1, published.size());
    assertTrue(published.get(0).getParameters()[0] instanceof RequestLogContext.Fields);
  }
}

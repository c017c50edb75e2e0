package org.ims.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.ResourceBundle;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the request id, and once known the user id and active site id, on every log line written
 * while a request is served, whoever writes it (the application, Hibernate, Payara): a filter on
 * the root logger's handlers adds them to the record as a {@code Map} parameter, which the JSON
 * formatter of {@code server-config/payara-micro/logging.properties} writes as top-level fields.
 * Installed while the application is deployed; removed at undeployment so that the server keeps no
 * reference to the application's classes.
 */
@WebListener
public class RequestLogContext implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (!(handler.getFilter() instanceof ContextFilter)) {
        handler.setFilter(new ContextFilter(handler.getFilter()));
      }
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler.getFilter() instanceof ContextFilter ours) {
        handler.setFilter(ours.previous);
      }
    }
  }

  /** The marker type of the added parameter: a record passed to two handlers gets it once. */
  static final class Fields extends LinkedHashMap<String, Object> {}

  static final class ContextFilter implements Filter {

    private final Filter previous;

    ContextFilter(Filter previous) {
      this.previous = previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (previous != null && !previous.isLoggable(record)) {
        return false;
      }
      String requestId = CurrentRequest.id();
      if (requestId != null) {
        addFields(record, requestId, CurrentRequest.userId(), CurrentRequest.siteId());
      }
      return true;
    }
  }

  static void addFields(LogRecord record, String requestId, Long userId, Long siteId) {
    Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
    int index = parameters.length;
    if (index > 0 && parameters[index - 1] instanceof Fields) {
      return;
    }
    // The formatter runs MessageFormat over a message that has a placeholder and parameters: a
    // message naming the index the fields would take (a parameterless "{0}", say) would print
    // them inside the text. Such a record keeps its text and goes without the fields.
    String text = messageText(record);
    if (text != null && text.contains("{" + index)) {
      return;
    }
    Fields fields = new Fields();
    fields.put("requestId", requestId);
    if (userId != null) {
      fields.put("userId", userId);
    }
    if (siteId != null) {
      fields.put("siteId", siteId);
    }
    Object[] extended = Arrays.copyOf(parameters, index + 1);
    extended[index] = fields;
    record.setParameters(extended);
  }

  private static String messageText(LogRecord record) {
    String message = record.getMessage();
    ResourceBundle bundle = record.getResourceBundle();
    if (message != null && bundle != null && bundle.containsKey(message)) {
      return bundle.getString(message);
    }
    return message;
  }
}

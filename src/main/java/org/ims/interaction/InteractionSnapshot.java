package org.ims.interaction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of an interaction as the audit log keeps them (old and new values of a change). */
final class InteractionSnapshot {

  private InteractionSnapshot() {}

  static Map<String, Object> of(Interaction i) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", i.title());
    values.put("type", i.type());
    values.put("lead", i.lead());
    values.put("startDateTime", i.start().toString());
    values.put("endDateTime", i.end().toString());
    values.put("timezone", i.timezone());
    values.put("location", i.location());
    values.put("description", i.description());
    values.put("notes", i.notes());
    values.put("version", i.version());
    return values;
  }
}

package org.ims.interaction;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * Hands a date picker's text to the page bean as typed. The form reads it itself, so that a date it
 * cannot read is reported by its field together with every other problem of the draft, in the
 * service's one answer, instead of Faces stopping at the first unreadable input.
 */
@FacesConverter("ims.typedText")
public class TypedText implements Converter<String> {

  @Override
  public String getAsObject(FacesContext context, UIComponent component, String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, String value) {
    return value == null ? "" : value;
  }
}

package org.ims.site;

/** A user's role at one site; each role can do everything the one before it can. */
public enum Role {
  VIEWER,
  EDITOR,
  ADMINISTRATOR;

  public boolean atLeast(Role required) {
    return compareTo(required) >= 0;
  }
}

package org.ims.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * JSON bodies of the user administration API. Classes, not records, and without Bean Validation:
 * Payara's OpenAPI generator cannot read either on body parameters; the service validates.
 */
public final class UserAdminRequests {

  private UserAdminRequests() {}

  @Schema(name = "NewUserInput")
  public static class NewUser {
    @Schema(required = true, example = "j.smith", description = "3-50 letters, digits, . _ -")
    public String username;

    @Schema(required = true, maxLength = 100, example = "j.smith@example.org")
    public String email;

    @Schema(
        required = true,
        enumeration = {"ADMINISTRATOR", "EDITOR", "VIEWER"})
    public String role;

    @Schema(
        description =
            "A password meeting the policy; leave out to get a one-time temporary password in the"
                + " response, which must be changed at first login")
    public String password;

    @Schema(description = "With a given password: must it be changed at first login? (false)")
    public Boolean mustChangePassword;
  }

  @Schema(name = "UserChangeInput")
  public static class UserChange {
    @Schema(required = true, maxLength = 100, example = "j.smith@example.org")
    public String email;
  }

  @Schema(name = "RoleInput")
  public static class RoleChange {
    @Schema(
        required = true,
        enumeration = {"ADMINISTRATOR", "EDITOR", "VIEWER"})
    public String role;
  }

  @Schema(name = "MembershipInput")
  public static class NewMembership {
    @Schema(required = true, description = "An existing user's username", example = "j.smith")
    public String username;

    @Schema(
        required = true,
        enumeration = {"ADMINISTRATOR", "EDITOR", "VIEWER"})
    public String role;
  }
}

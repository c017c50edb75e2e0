package org.ims.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * JSON bodies of the user administration API. They describe the JSON's shape only (for the OpenAPI
 * document: public fields of classes, which Payara's generator reads; it cannot read records as
 * body parameters). Each becomes the service's input, which states the rules ({@link
 * AccountRules}).
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

    AccountRules.NewUser toInput() {
      return new AccountRules.NewUser(
          username, email, role, password, Boolean.TRUE.equals(mustChangePassword));
    }
  }

  @Schema(name = "UserChangeInput")
  public static class UserChange {
    @Schema(required = true, maxLength = 100, example = "j.smith@example.org")
    public String email;

    AccountRules.EmailChange toInput() {
      return new AccountRules.EmailChange(email);
    }
  }

  @Schema(name = "RoleInput")
  public static class RoleChange {
    @Schema(
        required = true,
        enumeration = {"ADMINISTRATOR", "EDITOR", "VIEWER"})
    public String role;

    AccountRules.RoleChoice toInput() {
      return new AccountRules.RoleChoice(role);
    }
  }

  @Schema(name = "MembershipInput")
  public static class NewMembership {
    @Schema(required = true, description = "An existing user's username", example = "j.smith")
    public String username;

    @Schema(
        required = true,
        enumeration = {"ADMINISTRATOR", "EDITOR", "VIEWER"})
    public String role;

    AccountRules.NewMember toInput() {
      return new AccountRules.NewMember(username, role);
    }
  }
}

package org.ims.user;

import org.ims.platform.JsonBody;

/**
 * JSON bodies of the user administration API. They describe the JSON's shape only (for the OpenAPI
 * document: public fields of classes, which Payara's generator reads; it cannot read records as
 * body parameters). Each becomes the service's input, which states the rules ({@link
 * AccountRules}).
 */
public final class UserAdminRequests {

  private UserAdminRequests() {}

  public static class NewUser implements JsonBody {
    public String username;

    public String email;

    public String role;

    public String password;

    public Boolean mustChangePassword;

    AccountRules.NewUser toInput() {
      return new AccountRules.NewUser(
          username, email, role, password, Boolean.TRUE.equals(mustChangePassword));
    }
  }

  public static class UserChange implements JsonBody {
    public String email;

    AccountRules.EmailChange toInput() {
      return new AccountRules.EmailChange(email);
    }
  }

  public static class RoleChange implements JsonBody {
    public String role;

    AccountRules.RoleChoice toInput() {
      return new AccountRules.RoleChoice(role);
    }
  }

  public static class NewMembership implements JsonBody {
    public String username;

    public String role;

    AccountRules.NewMember toInput() {
      return new AccountRules.NewMember(username, role);
    }
  }
}

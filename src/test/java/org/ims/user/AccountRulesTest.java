package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ims.platform.Violations;
import org.ims.site.Role;
import org.ims.user.AccountRules.EmailChange;
import org.ims.user.AccountRules.NewMember;
import org.ims.user.AccountRules.NewUser;
import org.ims.user.AccountRules.RoleChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static Set<String> fieldsIn(Object input) {
    Set<String> fields = new TreeSet<>();
    Violations.fieldErrors(VALIDATOR.validate(input)).forEach(e -> fields.add(e.field()));
    return fields;
  }

  @Test
  void aCompleteNewUserBreaksNoRule() {
    assertEquals(
        Set.of(), fieldsIn(new NewUser("j.smith", "j.smith@example.org", "EDITOR", null, false)));
  }

  @Test
  void missingFieldsAreEachNamed() {
    assertEquals(
        Set.of("email", "role", "username"), fieldsIn(new NewUser(" ", null, "", null, false)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "with space",
        "é-accent",
        "semi;colon",
        "a23456789012345678901234567890123456789012345678901"
      })
  void usernamesAreThreeToFiftySafeCharacters(String username) {
    assertEquals(
        Set.of("username"), fieldsIn(new NewUser(username, "a@b.org", "VIEWER", null, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "J.Smith-2_x", "a23456789012345678901234567890123456789012345678"})
  void lettersDigitsDotsDashesAndUnderscoresAreFine(String username) {
    assertEquals(Set.of(), fieldsIn(new NewUser(username, "a@b.org", "VIEWER", null, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-at-sign", "two@@example.org", "a@nodot", "spa ce@example.org"})
  void emailsNeedOneAtAndADomainWithADot(String email) {
    assertEquals(Set.of("email"), fieldsIn(new EmailChange(email)));
  }

  @Test
  void emailsAreAtMostOneHundredCharacters() {
    String long101 = "a".repeat(89) + "@example.org";
    assertEquals(101, long101.length());
    assertEquals(Set.of("email"), fieldsIn(new EmailChange(long101)));
    assertEquals(Set.of(), fieldsIn(new EmailChange(long101.substring(1))));
  }

  @Test
  void rolesAreTheThreeRoleNamesInAnyCase() {
    assertEquals(Set.of(), fieldsIn(new RoleChoice(" administrator ")));
    assertEquals(Role.ADMINISTRATOR, new RoleChoice(" administrator ").value());
    assertEquals(Set.of("role"), fieldsIn(new RoleChoice("OWNER")));
    assertEquals(Set.of("role"), fieldsIn(new RoleChoice("EDITORS")));
    assertEquals(Set.of("role"), fieldsIn(new NewMember("someone", null)));
  }

  @Test
  void anExistingMemberIsNamedByUsername() {
    assertEquals(Set.of("username"), fieldsIn(new NewMember("  ", "VIEWER")));
  }

  @Test
  void valuesAreTrimmedAndAnEmptyPasswordMeansGenerateOne() {
    NewUser user = new NewUser("  j.smith ", " j@example.org ", " viewer", "", true);
    assertEquals(
        List.of("j.smith", "j@example.org", "viewer"),
        List.of(user.username(), user.email(), user.role()));
    assertNull(user.password());
  }
}

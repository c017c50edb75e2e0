package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.Violations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up settings of the first administrator, and the password they name. */
class FirstAdministratorTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @TempDir Path dir;

  private static Set<String> fieldsIn(FirstAdministrator.Settings settings) {
    Set<String> fields = new TreeSet<>();
    Violations.fieldErrors(VALIDATOR.validate(settings)).forEach(e -> fields.add(e.field()));
    return fields;
  }

  @Test
  void completeSettingsBreakNoRuleAndBlanksCountAsUnset() {
    assertEquals(
        Set.of(),
        fieldsIn(new FirstAdministrator.Settings("admin", "admin@example.org", "HQ", null)));
    assertEquals(
        Set.of("email", "site", "username"),
        fieldsIn(new FirstAdministrator.Settings("  ", "", " ", "")));
    assertEquals(
        Set.of("email", "username"),
        fieldsIn(new FirstAdministrator.Settings("no spaces", "nobody", "HQ", null)));
  }

  @Test
  void everyFieldNamesTheSettingItComesFrom() {
    for (String field : List.of("username", "email", "site", "name", "passwordFile")) {
      assertTrue(FirstAdministrator.PROPERTIES.get(field).startsWith("ims.bootstrap."), field);
    }
  }

  @Test
  void withoutAFileAOneTimePasswordMeetingThePolicyIsMade() {
    List<FieldError> problems = new ArrayList<>();
    String password =
        FirstAdministrator.password(
            new FirstAdministrator.Settings("admin", "a@example.org", "HQ", null), problems);
    assertEquals(List.of(), problems);
    assertEquals(List.of(), PasswordPolicy.violations(password, "admin"));
  }

  @Test
  void theFilesPasswordWithoutItsLastLineBreak() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "Chosen#2026pass\n");
    List<FieldError> problems = new ArrayList<>();
    assertEquals(
        "Chosen#2026pass", FirstAdministrator.password(settingsWith(file.toString()), problems));
    assertEquals(List.of(), problems);
  }

  @Test
  void aWeakOrUnreadablePasswordFileIsAProblemOfThatSetting() throws IOException {
    Path weak = Files.writeString(dir.resolve("weak"), "admin123\r\n");
    List<FieldError> problems = new ArrayList<>();
    FirstAdministrator.password(settingsWith(weak.toString()), problems);
    assertTrue(problems.stream().allMatch(p -> p.field().equals("passwordFile")), "" + problems);
    assertTrue(problems.stream().anyMatch(p -> p.message().contains("username")), "" + problems);

    List<FieldError> missing = new ArrayList<>();
    FirstAdministrator.password(settingsWith(dir.resolve("absent").toString()), missing);
    assertEquals(1, missing.size());
    assertTrue(missing.get(0).message().startsWith("Cannot read "), missing.get(0).message());
  }

  private static FirstAdministrator.Settings settingsWith(String passwordFile) {
    return new FirstAdministrator.Settings("admin", "admin@example.org", "HQ", passwordFile);
  }
}

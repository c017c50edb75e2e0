package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"Admin#2026pass", "Aa1!aaaa", "Ünïcødé#2026", "Long Pass Phrase 9!"})
  void acceptable(String password) {
    assertEquals(List.of(), PasswordPolicy.violations(password, "someone"));
  }

  @ParameterizedTest
  @CsvSource({
    "Aa1!aaa, Use at least 8 characters.",
    "aa1!aaaa, Include an upper-case letter.",
    "AA1!AAAA, Include a lower-case letter.",
    "Aa!aaaaa, Include a digit.",
    "Aa1aaaaa, 'Include a symbol, such as # ! or %.'",
    "Xsomeone1!, Do not include your username."
  })
  void eachRuleIsReported(String password, String expected) {
    assertEquals(List.of(expected), PasswordPolicy.violations(password, "someone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void emptyBreaksEveryRule(String password) {
    assertTrue(PasswordPolicy.violations(password, "x").size() >= 4);
  }
}

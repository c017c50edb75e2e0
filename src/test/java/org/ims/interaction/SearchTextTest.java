package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void wordsBecomePrefixTermsThatAllMustMatch() {
    assertEquals("'budget':* & 'rev':*", SearchText.of("Budget rev").tsQuery());
  }

  @Test
  void punctuationSplitsAWordAndNeverReachesTheQuerySyntax() {
    assertEquals("'o':* & 'connor':*", SearchText.of("O'Connor").tsQuery());
    assertEquals("'a':* & 'b':*", SearchText.of("a&b").tsQuery());
    assertEquals("'x':* & 'y':*", SearchText.of("x:*|!(y)").tsQuery());
  }

  @Test
  void unicodeLettersAreKept() {
    assertEquals("'müller':* & 'chloé':*", SearchText.of("Müller CHLOÉ").tsQuery());
  }

  @Test
  void wordsWithoutLettersOrDigitsAreLiterals() {
    SearchText text = SearchText.of("100 % _ \\");
    assertEquals("'100':*", text.tsQuery());
    assertEquals(List.of("%", "_", "\\"), text.literals());
  }

  @Test
  void nothingTypedIsNoCondition() {
    assertNull(SearchText.of("   ").tsQuery());
    assertNull(SearchText.of(null).tsQuery());
  }

  @Test
  void likePatternsEscapeTheirOwnCharacters() {
    assertEquals("%50\\%\\_off\\\\%", SearchText.containsPattern("50%_OFF\\"));
  }
}

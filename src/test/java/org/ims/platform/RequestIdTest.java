package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc", "lb-1234.abc", "00000000-0000-0000-0000-000000000000", "a:b_c"})
  void acceptableIdsAreKept(String id) {
    assertEquals(id, RequestId.acceptOrGenerate(id));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"has space", "line\nbreak", "<script>", "é", "x"})
  void otherIdsAreReplacedByAUuid(String id) {
    String accepted =
        RequestId.acceptOrGenerate(id == null || !id.equals("x") ? id : "x".repeat(65));
    assertNotEquals(id, accepted);
    assertTrue(accepted.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
  }
}

package org.ims.audit.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTextTest {

  private static final AuditText.Names NAMES =
      new AuditText.Names(
          id -> Map.of(1L, "Headquarters", 2L, "Field Office").getOrDefault(id, "site " + id),
          instant -> "at " + instant);

  @Test
  void addressesAreShownInTheirShortForm() {
    assertEquals("this computer (::1)", AuditText.address("0:0:0:0:0:0:0:1"));
    assertEquals("this computer (::1)", AuditText.address("::1"));
    assertEquals("this computer (127.0.0.1)", AuditText.address("127.0.0.1"));
    assertEquals("10.1.2.3", AuditText.address("::ffff:10.1.2.3"));
    assertEquals("10.1.2.3", AuditText.address("0:0:0:0:0:ffff:a01:203"));
    assertEquals("2001:db8::1", AuditText.address("2001:0db8:0000:0000:0000:0000:0000:0001"));
    assertEquals("2001:db8:0:1:1:1:1:1", AuditText.address("2001:db8:0:1:1:1:1:1"));
    assertEquals("2001:db8::1:0:0:1", AuditText.address("2001:db8:0:0:1:0:0:1"));
    assertEquals("fe80::1", AuditText.address("fe80:0:0:0:0:0:0:1%eth0"));
    assertEquals("192.0.2.7", AuditText.address("192.0.2.7"));
    assertEquals("not an address", AuditText.address("not an address"));
    assertEquals("", AuditText.address(null));
  }

  @Test
  void detailsReadAsNameAndValueWithSitesByNameAndNoJavaText() {
    List<String> lines =
        AuditText.lines(
            "{\"fromSite\": 1, \"toSite\": 2, \"requestedSite\": 9, \"types\": [],"
                + " \"timezone\": null, \"sort\": \"[SortKey[field=startDateTime, descending=true],"
                + " SortKey[field=title, descending=false]]\", \"from\": \"2026-03-01T00:00:00Z\","
                + " \"page\": 2, \"allowed\": true}",
            NAMES);
    assertEquals(
        List.of(
            "from site: Headquarters",
            "to site: Field Office",
            "requested site: site 9",
            "sort: startDateTime (descending), then title",
            "from: at 2026-03-01T00:00:00Z",
            "page: 2",
            "allowed: yes"),
        lines);
  }

  @Test
  void aChangeListsWhatDiffersOnly() {
    assertEquals(
        List.of("title: Old → New", "location: Room 1 → (none)", "notes: Added"),
        AuditText.change(
            "{\"title\": \"Old\", \"lead\": \"Same\", \"location\": \"Room 1\"}",
            "{\"title\": \"New\", \"lead\": \"Same\", \"notes\": \"Added\"}",
            NAMES));
    assertEquals(
        List.of("title: Created", "lead: Someone"),
        AuditText.change(null, "{\"title\": \"Created\", \"lead\": \"Someone\"}", NAMES));
    assertEquals(
        List.of("title: Gone → (none)"), AuditText.change("{\"title\": \"Gone\"}", null, NAMES));
    assertEquals(List.of("(no change)"), AuditText.change("{\"a\": 1}", "{\"a\": 1}", NAMES));
  }

  @Test
  void textThatIsNotJsonIsShownAsItIs() {
    assertEquals(List.of("plain words"), AuditText.lines("plain words", NAMES));
    assertEquals(List.of(), AuditText.lines(null, NAMES));
  }
}

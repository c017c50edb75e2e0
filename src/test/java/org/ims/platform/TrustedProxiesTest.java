package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.parse(" 10.0.0.0/8, 192.0.2.7 ,2001:db8:1::/48,::1");

  private static TrustedProxies.Origin xff(String peer, String forwardedFor, String proto) {
    return PROXIES.resolve(
        peer,
        "http",
        List.of(),
        forwardedFor == null ? List.of() : List.of(forwardedFor),
        proto == null ? List.of() : List.of(proto));
  }

  private static TrustedProxies.Origin forwarded(String peer, String... values) {
    return PROXIES.resolve(peer, "http", List.of(values), List.of(), List.of());
  }

  @Test
  void addressesAndBlocksOfBothFamiliesAreTrusted() {
    assertTrue(PROXIES.trusts("10.255.1.2"));
    assertTrue(PROXIES.trusts("192.0.2.7"));
    assertFalse(PROXIES.trusts("192.0.2.8"));
    assertFalse(PROXIES.trusts("11.0.0.1"));
    assertTrue(PROXIES.trusts("2001:db8:1:ffff::1"));
    assertFalse(PROXIES.trusts("2001:db8:2::1"));
    assertTrue(PROXIES.trusts("0:0:0:0:0:0:0:1"), "the form Payara reports for ::1");
    assertTrue(PROXIES.trusts("::ffff:10.1.2.3"), "IPv4-mapped IPv6 is the IPv4 address");
    assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9"));
    assertTrue(TrustedProxies.parse("192.0.2.128/25").trusts("192.0.2.200"));
    assertFalse(TrustedProxies.parse("192.0.2.128/25").trusts("192.0.2.127"));
  }

  @Test
  void nothingIsTrustedByDefault() {
    assertTrue(TrustedProxies.parse("").isEmpty());
    assertTrue(TrustedProxies.parse(null).isEmpty());
    assertEquals(
        new TrustedProxies.Origin("10.0.0.1", "http"),
        TrustedProxies.parse("")
            .resolve("10.0.0.1", "http", List.of(), List.of("203.0.113.9"), List.of("https")));
  }

  @Test
  void aMistypedEntryIsRefusedNotSkipped() {
    for (String bad :
        List.of("10.0.0.0/33", "proxy.example.org", "10.0.0", "256.1.1.1", "::1/129")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad), bad);
      assertTrue(refused.getMessage().startsWith("ims.http.trusted-proxies: "), bad);
    }
  }

  @Test
  void anUntrustedPeerKeepsItsOwnAddressWhateverItSends() {
    assertEquals(
        new TrustedProxies.Origin("198.51.100.4", "http"),
        xff("198.51.100.4", "203.0.113.9", "https"));
    assertEquals(
        new TrustedProxies.Origin("198.51.100.4", "http"),
        forwarded("198.51.100.4", "for=203.0.113.9;proto=https"));
  }

  @Test
  void theClientIsTheRightMostHopThatIsNoTrustedProxy() {
    assertEquals(
        new TrustedProxies.Origin("203.0.113.9", "https"), xff("10.0.0.5", "203.0.113.9", "https"));
    // The client prepended a spoofed address; the proxy appended the one it saw.
    assertEquals("203.0.113.9", xff("10.0.0.5", "1.2.3.4, 203.0.113.9", null).address());
    // Two trusted proxies in a row.
    assertEquals("203.0.113.9", xff("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.1.1.1", null).address());
    // Every hop trusted: the left-most.
    assertEquals("10.2.2.2", xff("10.0.0.5", "10.2.2.2, 10.1.1.1", null).address());
    // Several header lines are one list.
    assertEquals(
        "203.0.113.9",
        PROXIES
            .resolve("10.0.0.5", "http", List.of(), List.of("6.6.6.6", "203.0.113.9"), List.of())
            .address());
  }

  @Test
  void anUnreadableHopEndsTheWalk() {
    assertEquals("10.1.1.1", xff("10.0.0.5", "203.0.113.9, unknown, 10.1.1.1", null).address());
    assertEquals("10.0.0.5", xff("10.0.0.5", "evil.example.org", null).address());
    assertEquals("10.0.0.5", xff("10.0.0.5", "999.1.1.1", null).address());
    assertEquals("10.0.0.5", forwarded("10.0.0.5", "for=_hidden").address());
  }

  @Test
  void portsAndIpv6FormsAreRead() {
    assertEquals("203.0.113.9", xff("10.0.0.5", "203.0.113.9:51234", null).address());
    assertEquals("2001:db8:5:0:0:0:0:1", xff("10.0.0.5", "2001:db8:5::1", null).address());
    assertEquals("2001:db8:5:0:0:0:0:1", xff("10.0.0.5", "[2001:db8:5::1]:443", null).address());
    assertEquals(
        new TrustedProxies.Origin("2001:db8:5:0:0:0:0:1", "https"),
        forwarded("0:0:0:0:0:0:0:1", "for=\"[2001:db8:5::1]:4711\";proto=https"));
  }

  @Test
  void forwardedIsReadElementByElementAndWinsOverTheOldHeaders() {
    assertEquals(
        new TrustedProxies.Origin("203.0.113.9", "https"),
        PROXIES.resolve(
            "10.0.0.5",
            "http",
            List.of("for=6.6.6.6;proto=http, for=203.0.113.9;proto=https", "For=10.1.1.1"),
            List.of("7.7.7.7"),
            List.of("http")));
  }

  @Test
  void theSchemeIsTheClientHopsWhenEveryHopHasOneElseTheNearest() {
    assertEquals("https", xff("10.0.0.5", "203.0.113.9, 10.1.1.1", "https, http").scheme());
    assertEquals("https", xff("10.0.0.5", "203.0.113.9, 10.1.1.1", "https").scheme());
    assertEquals("https", xff("10.0.0.5", null, "https").scheme(), "a scheme without addresses");
    assertEquals("http", xff("10.0.0.5", "203.0.113.9", "gopher").scheme(), "unknown: ignored");
    assertEquals("http", xff("10.0.0.5", "203.0.113.9", null).scheme());
  }

  @Test
  void headerTextNeverBecomesALookup() {
    assertNull(TrustedProxies.literal("localhost"));
    assertNull(TrustedProxies.literal("1:2:3"));
    assertNull(TrustedProxies.literal("fe80::1%eth0"));
    assertEquals("127.0.0.1", TrustedProxies.literal("127.0.0.1").getHostAddress());
  }
}

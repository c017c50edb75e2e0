package org.ims.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies and load balancers whose word on the client is believed ({@code
 * ims.http.trusted-proxies}): addresses and CIDR blocks, IPv4 or IPv6. Only when the direct peer is
 * one of them are {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For} / {@code
 * X-Forwarded-Proto} read. The client is then the right-most hop that is not a trusted proxy:
 * everything left of it was written by the client itself or by proxies nobody vouches for, so a
 * client cannot choose its own address by sending the header. Pure logic, without the servlet API,
 * so that the rules are tested on their own ({@code TrustedProxiesTest}).
 */
final class TrustedProxies {

  /** What the request's origin is: the client's address and the scheme it used. */
  record Origin(String address, String scheme) {}

  /** One block of trusted addresses. */
  private record Block(byte[] network, int prefix) {

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (bytes[whole] & mask) == (network[whole] & mask);
    }
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Nobody is trusted: every request's origin is its socket. */
  static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Reads a comma-separated list such as {@code 10.0.0.0/8, 192.0.2.7, ::1}. A mistyped entry is
   * refused rather than skipped: trusting fewer proxies than meant would put every user behind one
   * address, trusting more would let clients choose theirs.
   */
  static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split(",")) {
        String text = entry.trim();
        if (!text.isEmpty()) {
          blocks.add(block(text));
        }
      }
    }
    return new TrustedProxies(blocks);
  }

  private static Block block(String text) {
    int slash = text.indexOf('/');
    InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException(
          "ims.http.trusted-proxies: \"" + text + "\" is not an IP address or CIDR block");
    }
    int bits = address.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "ims.http.trusted-proxies: \"" + text + "\" has no prefix length from 0 to " + bits);
      }
    }
    return new Block(address.getAddress(), prefix);
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  boolean trusts(String address) {
    InetAddress parsed = literal(address);
    return parsed != null && trusts(parsed);
  }

  private boolean trusts(InetAddress address) {
    return blocks.stream().anyMatch(b -> b.contains(address));
  }

  /**
   * The origin of a request that arrived from {@code peer} over {@code peerScheme}, carrying these
   * header values (each list holds every occurrence of its header, in order; empty when absent).
   * {@code Forwarded} wins over the {@code X-Forwarded-*} pair when both are present.
   */
  Origin resolve(
      String peer,
      String peerScheme,
      List<String> forwarded,
      List<String> forwardedFor,
      List<String> forwardedProto) {
    if (!trusts(peer)) {
      return new Origin(peer, peerScheme);
    }
    List<String> hops = new ArrayList<>();
    List<String> protos = new ArrayList<>();
    if (!forwarded.isEmpty()) {
      for (String element : elements(forwarded)) {
        hops.add(parameter(element, "for"));
        protos.add(parameter(element, "proto"));
      }
    } else {
      hops.addAll(elements(forwardedFor));
      protos.addAll(elements(forwardedProto));
    }
    String address = peer;
    int client = -1;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = node(hops.get(i));
      if (hop == null) {
        // "unknown", an obfuscated name or garbage: nothing left of it can be believed.
        break;
      }
      address = hop.getHostAddress();
      client = i;
      if (!trusts(hop)) {
        break;
      }
    }
    return new Origin(address, scheme(protos, client, hops.size(), peerScheme));
  }

  /**
   * The scheme the client used: the proto reported with the client's hop where every hop reports
   * one, else the one nearest to this server (the proxy that terminated TLS usually writes the only
   * one). Anything but http or https is ignored.
   */
  private static String scheme(List<String> protos, int client, int hops, String peerScheme) {
    String chosen = null;
    if (client >= 0 && protos.size() == hops) {
      chosen = protos.get(client);
    }
    if (chosen == null) {
      for (int i = protos.size() - 1; i >= 0 && chosen == null; i--) {
        chosen = protos.get(i);
      }
    }
    if (chosen == null) {
      return peerScheme;
    }
    String scheme = chosen.trim().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("http") ? scheme : peerScheme;
  }

  /** The comma-separated elements of every occurrence of a header, left to right. */
  private static List<String> elements(List<String> values) {
    List<String> elements = new ArrayList<>();
    for (String value : values) {
      for (String element : value.split(",")) {
        elements.add(element.trim());
      }
    }
    return elements;
  }

  /** A parameter of one Forwarded element ({@code for=…;proto=…}), unquoted; null when absent. */
  private static String parameter(String element, String name) {
    for (String pair : element.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * A hop's address, with an optional port ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}) or
   * without ({@code 2001:db8::1}); null for anything else.
   */
  private static InetAddress node(String hop) {
    if (hop == null) {
      return null;
    }
    String text = hop.trim();
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      return end < 0 ? null : literal(text.substring(1, end));
    }
    int colon = text.indexOf(':');
    if (colon > 0 && colon == text.lastIndexOf(':')) {
      text = text.substring(0, colon);
    }
    return literal(text);
  }

  /**
   * The address an IP literal names, or null. Never a DNS lookup, whatever a header holds: IPv4 is
   * read here, and IPv6 goes to {@link InetAddress#getByName} in brackets, which accepts a literal
   * only.
   */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    try {
      if (IPV4.matcher(value).matches()) {
        byte[] bytes = new byte[4];
        String[] parts = value.split("\\.");
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(parts[i]);
          if (part > 255) {
            return null;
          }
          bytes[i] = (byte) part;
        }
        return InetAddress.getByAddress(bytes);
      }
      if (IPV6.matcher(value).matches()) {
        return InetAddress.getByName("[" + value + "]");
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }
}

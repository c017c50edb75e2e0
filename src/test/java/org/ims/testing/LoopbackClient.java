package org.ims.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 from a chosen loopback address (127.0.0.2, 127.0.0.3, …): every such address is a
 * different client to the server, which is what tests of per-address allowances need. The JDK's
 * HttpClient cannot choose its source address, hence this small client: one request per connection,
 * the whole answer read.
 */
public final class LoopbackClient {

  private final String from;

  /** A client whose requests come from 127.0.0.{@code host}. */
  public LoopbackClient(int host) {
    this.from = "127.0.0." + host;
  }

  public Http.Reply get(String baseUrl, String path, String... headers) {
    return send(baseUrl, "GET", path, null, headers);
  }

  /** {@code headers} are name, value pairs. */
  public Http.Reply send(
      String baseUrl, String method, String path, String body, String... headers) {
    URI server = URI.create(baseUrl);
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(server.getHost()).append(':').append(server.getPort());
    request.append("\r\nConnection: close\r\nContent-Length: ").append(content.length);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append("\r\n").append(headers[i]).append(": ").append(headers[i + 1]);
    }
    request.append("\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      Http.Reply reply = parse(socket.getInputStream().readAllBytes());
      Contract.check(method, path, reply.status(), reply.headers().map(), reply.body());
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + from + " failed", e);
    }
  }

  private static Http.Reply parse(byte[] response) throws IOException {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = dechunk(new java.io.ByteArrayInputStream(body));
    }
    return new Http.Reply(
        status, HttpHeaders.of(headers, (n, v) -> true), new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return body.toByteArray();
      }
      body.write(in.readNBytes(length));
      in.skip(2);
    }
  }
}

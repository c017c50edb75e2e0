package org.ims.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies over 1 MB are refused with 413 before they are parsed: by their Content-Length
 * when they declare one, else as soon as the 1,048,577th byte is read.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestSizeLimit implements ContainerRequestFilter {

  static final long LIMIT = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > LIMIT) {
      drain(request.getEntityStream());
      throw tooLarge().withHeader("Connection", "close");
    }
    request.setEntityStream(new Limited(request.getEntityStream()));
  }

  /**
   * Reads (and drops) a bounded part of a refused body: a client still sending would otherwise
   * never read the 413. Past the bound the connection is closed instead.
   */
  private static void drain(InputStream body) {
    byte[] buffer = new byte[64 * 1024];
    long left = 16 * LIMIT;
    try {
      int n;
      while (left > 0 && (n = body.read(buffer)) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  static ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over the 1 MB limit.");
  }

  /** Counts what is read and stops at the limit. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > LIMIT) {
        throw tooLarge();
      }
    }
  }
}

package nl.waarom.ingest.gateway;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Checks on a request body before it is parsed: its media type and its size. */
final class RequestBody {
  private RequestBody() {}

  /** {@code application/json}, with no charset or UTF-8 (RFC 8259 allows nothing else). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].trim().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().replace("\"", "");
      if (p.startsWith("charset=") && !p.equals("charset=utf-8")) {
        return false;
      }
    }
    return true;
  }

  /**
   * How much of a refused body is read and thrown away so the client receives the 413. A server
   * that answers while the client is still sending and then closes with unread bytes makes the
   * operating system reset the connection, and the client sees a broken connection instead of the
   * answer. Beyond this, the connection is closed without reading on.
   */
  static final long DRAIN_BYTES = 4L * 1024 * 1024;

  /**
   * The body, or null when it is larger than {@code maxBytes}: refused up front when the declared
   * Content-Length says so, and otherwise (chunked uploads) after reading one byte too many, so a
   * client can never make the gateway buffer more than the limit. A refused body is drained (up to
   * {@link #DRAIN_BYTES}, never kept) so that the refusal reaches the client.
   */
  static byte[] read(Context ctx, int maxBytes) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > maxBytes) {
        refuse(ctx, in, declared);
        return null;
      }
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        refuse(ctx, in, -1);
        return null;
      }
      return body;
    }
  }

  private static void refuse(Context ctx, InputStream in, long declared) throws IOException {
    if (declared <= DRAIN_BYTES && drain(in, DRAIN_BYTES)) {
      return;
    }
    ctx.header("Connection", "close");
  }

  /** Reads and discards up to {@code limit} bytes; true when the body ended within it. */
  private static boolean drain(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long left = limit;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return true;
      }
      left -= n;
    }
    return in.read() < 0;
  }
}

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
   * The body, or null when it is larger than {@code maxBytes}: refused up front when the declared
   * Content-Length says so, and otherwise (chunked uploads) after reading one byte too many, so a
   * client can never make the gateway buffer more than the limit.
   */
  static byte[] read(Context ctx, int maxBytes) throws IOException {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      return null;
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      return body.length > maxBytes ? null : body;
    }
  }
}

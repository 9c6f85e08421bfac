package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the sink's OpenAPI 3.1 document ({@code /api/openapi.json}), kept as a resource next to
 * the code ({@code nl/waarom/sink/board/openapi.json}); a test checks that every API route is
 * described in it.
 */
final class OpenApi {
  static final String RESOURCE = "openapi.json";
  private static final byte[] DOCUMENT = load();

  private OpenApi() {}

  static void serve(Context ctx) {
    ctx.status(200).contentType("application/json; charset=utf-8").result(DOCUMENT);
  }

  private static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package nl.waarom.ingest.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.contact.FieldError;

/**
 * Writes the gateway's JSON responses. Every error, including 404, 405 and 500, is JSON of the
 * shape {@code {"error": "...", "message": "..."}}, or for invalid input
 * {@code {"error": "invalid request", "errors": [{"field": "...", "message": "..."}]}}.
 */
final class JsonResponses {
  static final String JSON = "application/json; charset=utf-8";
  /**
   * Request attribute set once a handler wrote its own JSON answer, so the generic 404/405 error
   * handlers (which Javalin also runs for a handler's own 404) leave that answer alone.
   */
  static final String WRITTEN = "waarom.response.written";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(body));
      ctx.attribute(WRITTEN, Boolean.TRUE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write response", e);
    }
  }

  static void error(Context ctx, int status, String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    send(ctx, status, body);
  }

  static void invalid(Context ctx, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "invalid request");
    body.put("errors", errors);
    send(ctx, 400, body);
  }
}

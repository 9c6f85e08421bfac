package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.waarom.sink.db.Json;

/**
 * JSON over {@link HttpClient} for the trackers: sends a request with the given headers, fails
 * with a {@link TrackerException} (HTTP status, the tracker's message, shortened) on anything but
 * 2xx, and parses the answer. Thread-safe (HttpClient is).
 */
final class TrackerHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_MESSAGE = 300;

  // Never follow redirects: the client would resend the Authorization header (and a signed body)
  // to wherever the redirect points. A 3xx is reported as an error naming the status instead.
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String trackerName;

  TrackerHttp(String trackerName) {
    this.trackerName = trackerName;
  }

  /** A response: status, raw body and parsed JSON (a missing node when the body is empty). */
  record Response(int status, String body, JsonNode json) {}

  /**
   * Sends a request; {@code body} is serialised as JSON when it is not a String, and null sends no
   * body.
   */
  Response send(String method, String url, Map<String, String> headers, Object body)
      throws TrackerException {
    String text = body == null ? null : body instanceof String s ? s : Json.write(body);
    return sendRaw(method, url, headers, text);
  }

  /** Sends exactly {@code body} (the bytes a signature covers). */
  Response sendRaw(String method, String url, Map<String, String> headers, String body)
      throws TrackerException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    headers.forEach(b::setHeader);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json; charset=utf-8");
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    String what = trackerName + " " + method + " " + pathOf(url);
    HttpResponse<String> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TrackerException(what + " failed: " + e, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrackerException(what + " interrupted", 0, e);
    }
    if (r.statusCode() / 100 != 2) {
      String hint = r.statusCode() == 401 || r.statusCode() == 403
          ? " (authentication or permission rejected: check the token settings)" : "";
      throw new TrackerException(what + " answered HTTP " + r.statusCode() + hint + ": "
          + shorten(r.body()), r.statusCode(), null);
    }
    JsonNode json;
    try {
      json = r.body() == null || r.body().isBlank() ? Json.mapper().missingNode()
          : Json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new TrackerException(what + " answered HTTP " + r.statusCode() + " with no JSON: "
          + shorten(r.body()), r.statusCode(), e);
    }
    return new Response(r.statusCode(), r.body(), json);
  }

  /** Text of a JSON field, or null when it is absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static String pathOf(String url) {
    URI u = URI.create(url);
    return u.getRawPath(); // never the query: it may carry JQL, never secrets, but keep logs short
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "...";
  }
}

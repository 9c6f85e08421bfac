package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.waarom.sink.db.Json;

/**
 * A real local HTTP server (JDK HttpServer) standing in for a tracker: records every request, can
 * be taken "down" (answers 503), and leaves the protocol to subclasses, which check the documented
 * request shapes and authentication and answer 400/401 when they are wrong.
 */
abstract class FakeServer implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, String query, String authorization, String body) {
    boolean writes() {
      return !method.equals("GET");
    }
  }

  /** A rejection: the status and message the handler answers. */
  static final class Reject extends RuntimeException {
    final int status;

    Reject(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile boolean down;
  private final HttpServer server;

  FakeServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::dispatch);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests other than GET (creations and updates). */
  List<Request> writes() {
    return requests.stream().filter(Request::writes).toList();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
        ex.getRequestURI().getRawQuery(), ex.getRequestHeaders().getFirst("Authorization"), body);
    int status;
    String answer;
    try {
      if (down) {
        throw new Reject(503, "{\"message\":\"service unavailable\"}");
      }
      requests.add(r);
      Object result = handle(ex, r);
      status = result == null ? 204 : ex.getRequestMethod().equals("POST") ? 201 : 200;
      answer = result == null ? "" : result instanceof String s ? s : Json.write(result);
    } catch (Reject e) {
      status = e.status;
      answer = e.getMessage();
    } catch (RuntimeException e) {
      status = 400;
      answer = "{\"message\":\"" + e.getMessage().replace('"', '\'') + "\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  /** Handles a request; null answers 204. Throws {@link Reject} to answer an error. */
  abstract Object handle(HttpExchange ex, Request r);

  static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new Reject(400, "{\"message\":\"not JSON\"}");
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new Reject(400, "{\"message\":\"" + message + "\"}");
    }
  }

  static String query(Request r, String name) {
    if (r.query() == null) {
      return null;
    }
    for (String part : r.query().split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

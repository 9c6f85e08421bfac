package nl.waarom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A stand-in for a schema registry, in the test JVM: the part of the Confluent-compatible REST API
 * that Waarom and Confluent's serde libraries use (register, look up, fetch by id, a subject's
 * versions and latest version, per-subject compatibility), with the
 * registry's rule that a subject refuses a new version that is not compatible with the latest one
 * (BACKWARD by default; FORWARD, FULL and NONE on request). Ids are global: the same schema under
 * two subjects has one id. Optional basic authentication.
 *
 * <p>It is not a real registry: tests that can run against one use it when
 * {@code WAAROM_TEST_SCHEMA_REGISTRY_URL} names it ({@link #REAL_REGISTRY_ENV}). Thread-safe.
 */
public final class SchemaRegistryStandIn implements AutoCloseable {
  /** Names a real registry (Confluent-compatible API) for the tests to use instead of the stand-in. */
  public static final String REAL_REGISTRY_ENV = "WAAROM_TEST_SCHEMA_REGISTRY_URL";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final boolean https;
  private volatile String authorization; // null: open
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<String, Integer> idsBySchema = new LinkedHashMap<>();
  private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
  private final Map<String, String> compatibility = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private SchemaRegistryStandIn(String authorization, SSLContext tls) throws IOException {
    this.authorization = authorization;
    this.https = tls != null;
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      server = HttpServer.create(address, 0);
    } else {
      HttpsServer secure = HttpsServer.create(address, 0);
      secure.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = secure;
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "schema-registry-stand-in");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** A stand-in on a free loopback port, without authentication. */
  public static SchemaRegistryStandIn start() {
    return start(null, null);
  }

  /** A stand-in that requires basic authentication with these credentials (null user: none). */
  public static SchemaRegistryStandIn start(String user, String password) {
    return requiring(user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), null);
  }

  /**
   * A stand-in that requires exactly this Authorization header (null: none) and, with a TLS
   * context, answers over HTTPS only.
   */
  public static SchemaRegistryStandIn requiring(String authorization, SSLContext tls) {
    try {
      return new SchemaRegistryStandIn(authorization, tls);
    } catch (IOException e) {
      throw new IllegalStateException("stand-in schema registry did not start", e);
    }
  }

  /** From now on, require this Authorization header instead (a rotated token); null: none. */
  public void requireAuthorization(String authorization) {
    this.authorization = authorization;
  }

  public String url() {
    // https: the test certificates name localhost (host names are verified)
    return (https ? "https://localhost:" : "http://127.0.0.1:") + server.getAddress().getPort();
  }

  /** How many requests it has answered. */
  public int requests() {
    return requests.get();
  }

  /** The subjects registered so far, in order of first registration. */
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** The schema ids of a subject's versions, oldest first; empty when unknown. */
  public synchronized List<Integer> versions(String subject) {
    return List.copyOf(subjects.getOrDefault(subject, List.of()));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String required = authorization;
      if (required != null
          && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, error(401, "Unauthorized"));
        return;
      }
      String method = exchange.getRequestMethod();
      String[] path = exchange.getRequestURI().getRawPath().replaceAll("^/+|/+$", "").split("/");
      JsonNode body = "GET".equals(method) ? null : JSON.readTree(exchange.getRequestBody());
      Answer answer = route(method, path, body);
      reply(exchange, answer.status(), answer.body());
    } catch (RuntimeException e) {
      reply(exchange, 500, error(50001, e.toString()));
    }
  }

  private record Answer(int status, JsonNode body) {}

  private synchronized Answer route(String method, String[] path, JsonNode body) {
    if (path.length == 3 && path[0].equals("schemas") && path[1].equals("ids")) {
      Schema schema = schemasById.get(Integer.parseInt(path[2]));
      return schema == null ? new Answer(404, error(40403, "Schema not found"))
          : new Answer(200, JSON.createObjectNode().put("schema", schema.toString()));
    }
    if (path.length >= 2 && path[0].equals("subjects")) {
      String subject = URLDecoder.decode(path[1], StandardCharsets.UTF_8);
      if (path.length == 3 && path[2].equals("versions") && "POST".equals(method)) {
        return register(subject, new Schema.Parser().parse(body.path("schema").asText()));
      }
      if (path.length == 3 && path[2].equals("versions")) {
        return subjects.containsKey(subject)
            ? new Answer(200, JSON.valueToTree(versionNumbers(subject)))
            : new Answer(404, error(40401, "Subject '" + subject + "' not found."));
      }
      if (path.length == 4 && path[2].equals("versions") && "GET".equals(method)) {
        return version(subject, path[3]);
      }
      if (path.length == 2 && "POST".equals(method)) {
        return lookUp(subject, new Schema.Parser().parse(body.path("schema").asText()));
      }
    }
    if (path.length == 2 && path[0].equals("config") && "PUT".equals(method)) {
      String level = body.path("compatibility").asText().toUpperCase(Locale.ROOT);
      compatibility.put(URLDecoder.decode(path[1], StandardCharsets.UTF_8), level);
      return new Answer(200, JSON.createObjectNode().put("compatibility", level));
    }
    return new Answer(404, error(404, "no such endpoint: " + method + " /" + String.join("/", path)));
  }

  private Answer register(String subject, Schema schema) {
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer known = idsBySchema.get(schema.toString());
    if (known != null && versions.contains(known)) {
      return new Answer(200, JSON.createObjectNode().put("id", known));
    }
    if (!versions.isEmpty()) {
      String refusal = refusal(subject, schema, schemasById.get(versions.get(versions.size() - 1)));
      if (refusal != null) {
        return new Answer(409, error(409, "Schema being registered is incompatible with an earlier "
            + "schema for subject \"" + subject + "\": " + refusal));
      }
    }
    int id = known != null ? known : nextId.getAndIncrement();
    idsBySchema.put(schema.toString(), id);
    schemasById.put(id, schema);
    versions.add(id);
    return new Answer(200, JSON.createObjectNode().put("id", id));
  }

  private String refusal(String subject, Schema next, Schema latest) {
    String level = compatibility.getOrDefault(subject, "BACKWARD");
    boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
    boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
    if (backward) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(next, latest);
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        return "the new schema cannot read the latest version (" + level + "): "
            + result.getDescription();
      }
    }
    if (forward) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(latest, next);
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        return "the latest version cannot read the new schema (" + level + "): "
            + result.getDescription();
      }
    }
    return null;
  }

  private Answer lookUp(String subject, Schema schema) {
    if (!subjects.containsKey(subject)) {
      return new Answer(404, error(40401, "Subject '" + subject + "' not found."));
    }
    Integer id = idsBySchema.get(schema.toString());
    List<Integer> versions = subjects.get(subject);
    if (id == null || !versions.contains(id)) {
      return new Answer(404, error(40403, "Schema not found"));
    }
    ObjectNode found = JSON.createObjectNode().put("subject", subject)
        .put("version", versions.indexOf(id) + 1).put("id", id).put("schema", schema.toString());
    return new Answer(200, found);
  }

  /** GET /subjects/{subject}/versions/{n or latest}. */
  private Answer version(String subject, String which) {
    List<Integer> versions = subjects.get(subject);
    if (versions == null) {
      return new Answer(404, error(40401, "Subject '" + subject + "' not found."));
    }
    int n = which.equals("latest") ? versions.size() : Integer.parseInt(which);
    if (n < 1 || n > versions.size()) {
      return new Answer(404, error(40402, "Version " + which + " not found."));
    }
    int id = versions.get(n - 1);
    return new Answer(200, JSON.createObjectNode().put("subject", subject).put("version", n)
        .put("id", id).put("schema", schemasById.get(id).toString()));
  }

  private List<Integer> versionNumbers(String subject) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= subjects.get(subject).size(); i++) {
      numbers.add(i);
    }
    return numbers;
  }

  private static JsonNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

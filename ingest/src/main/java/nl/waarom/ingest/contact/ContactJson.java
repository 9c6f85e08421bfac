package nl.waarom.ingest.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redaction;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Contact;

/**
 * Turns the public contact JSON into validated, privacy-safe {@link Contact} records. Used by the
 * HTTP gateway (a body holding one contact or an array of them) and by the JSONL replay (one
 * contact per line), so both enforce exactly the same rules.
 *
 * <p>Parsing uses Jackson's tree model and validates by hand rather than data binding, so that
 * every problem is reported at once with a JSON-path-like field name. Immutable and thread-safe.
 */
public final class ContactJson {
  /** Field name for problems with a request body as a whole. */
  public static final String BODY = "body";
  /** Field name for problems with a JSONL line as a whole. */
  public static final String LINE = "line";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final ContactReader reader;

  /** @param pseudonymizer replaces customerId; @param redactor cleans free text; never null */
  public ContactJson(Pseudonymizer pseudonymizer, Redactor redactor) {
    this(pseudonymizer, redactor, r -> { });
  }

  /**
   * @param onRedaction told of every text in which something was redacted (called on the reading
   *     thread, whether or not the contact is then accepted); never null, must be thread-safe
   */
  public ContactJson(Pseudonymizer pseudonymizer, Redactor redactor,
      Consumer<Redaction> onRedaction) {
    this.reader = new ContactReader(Objects.requireNonNull(pseudonymizer, "pseudonymizer"),
        Objects.requireNonNull(redactor, "redactor"),
        Objects.requireNonNull(onRedaction, "onRedaction"));
  }

  /**
   * Reads one contact object already parsed, e.g. the translation of a platform webhook; field
   * names carry no prefix and a non-object is reported as {@code contact}.
   */
  public Validated<Contact> readNode(JsonNode node) {
    return reader.read(node, "", "contact");
  }

  /**
   * Reads a request body: one contact object, or a non-empty array of at most {@code maxBatch}
   * contact objects. Either every contact is valid, or the result lists every problem of every
   * element (paths like {@code [3].occurredAt}).
   */
  public Validated<List<Contact>> readBody(byte[] body, int maxBatch) {
    Validated<JsonNode> parsed = parse(body, BODY);
    if (!parsed.isValid()) {
      return Validated.invalid(parsed.errors());
    }
    JsonNode root = parsed.value();
    if (root.isObject()) {
      Validated<Contact> one = reader.read(root, "", BODY);
      return one.isValid() ? Validated.valid(List.of(one.value())) : Validated.invalid(one.errors());
    }
    if (!root.isArray()) {
      return Validated.invalid(BODY, "must be a contact object or an array of contact objects");
    }
    if (root.isEmpty() || root.size() > maxBatch) {
      return Validated.invalid(BODY, "must hold 1.." + maxBatch + " contacts");
    }
    List<Contact> contacts = new ArrayList<>(root.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String path = "[" + i + "]";
      Validated<Contact> one = reader.read(root.get(i), path, path);
      if (one.isValid()) {
        contacts.add(one.value());
      } else {
        errors.addAll(one.errors());
      }
    }
    return errors.isEmpty() ? Validated.valid(contacts) : Validated.invalid(errors);
  }

  /** Reads one JSONL line holding one contact object; field names carry no prefix. */
  public Validated<Contact> readLine(byte[] line) {
    Validated<JsonNode> parsed = parse(line, LINE);
    return parsed.isValid() ? reader.read(parsed.value(), "", LINE)
        : Validated.invalid(parsed.errors());
  }

  private static Validated<JsonNode> parse(byte[] bytes, String name) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        return Validated.invalid(name, "must not be empty");
      }
      return Validated.valid(root);
    } catch (JsonProcessingException e) {
      return Validated.invalid(name, "not valid JSON: " + describe(e));
    } catch (IOException e) {
      return Validated.invalid(name, "cannot be read: " + e.getMessage());
    }
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return e.getOriginalMessage() + where;
  }
}

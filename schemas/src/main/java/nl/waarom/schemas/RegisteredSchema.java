package nl.waarom.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * The form in which a schema goes to a schema registry: as released, without the property
 * {@code avro.java.string} that the Java code generator reads (the released files carry it; it
 * changes nothing of the encoding, but a registry shows it to every other reader). Who registers a
 * schema beforehand (automatic registration off) must register this form: a registry looks a
 * schema up by its text.
 */
public final class RegisteredSchema {
  private static final String JAVA_STRING = "avro.java.string";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegisteredSchema() {}

  /** {@code schema} as it is registered: the same schema without {@code avro.java.string}. */
  public static Schema of(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      strip(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite schema " + schema.getFullName(), e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING);
    }
    node.forEach(RegisteredSchema::strip);
  }
}

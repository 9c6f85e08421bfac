package nl.waarom.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.Json;

/**
 * The form in which a schema goes to a schema registry: as released, without the property
 * {@code avro.java.string} that the Java code generator reads (the released files carry it; it
 * changes nothing of the encoding, but a registry shows it to every other reader). Who registers a
 * schema beforehand (automatic registration off) must register this form: a registry looks a
 * schema up by its text.
 */
public final class RegisteredSchema {
  private static final String JAVA_STRING = "avro.java.string";

  private RegisteredSchema() {}

  /** {@code schema} as it is registered: the same schema without {@code avro.java.string}. */
  public static Schema of(Schema schema) {
    return new Schema.Parser().parse(Json.toString(strip(Json.parseJson(schema.toString()))));
  }

  private static Object strip(Object json) {
    if (json instanceof Map<?, ?> object) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      object.forEach((key, value) -> {
        if (!JAVA_STRING.equals(key)) {
          copy.put(key, strip(value));
        }
      });
      return copy;
    }
    if (json instanceof List<?> array) {
      List<Object> copy = new ArrayList<>();
      array.forEach(item -> copy.add(strip(item)));
      return copy;
    }
    return json;
  }
}

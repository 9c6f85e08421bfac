package nl.waarom.tools.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * An Avro record as plain JSON, the way a person or a warehouse reads it (not Avro's own JSON
 * encoding, which wraps every union value in its type): every field by name; a union value as the
 * value itself, null as null; enums as their symbol; timestamps (logical types, decoded to
 * {@code java.time} values) as ISO-8601 text such as {@code 2026-03-02T10:15:00Z}; maps as objects;
 * bytes and fixed as Base64; a number that is not finite as null. Stateless.
 */
final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** The record as a JSON object; never null. */
  static ObjectNode of(IndexedRecord record) {
    return (ObjectNode) value(record, record.getSchema());
  }

  private static JsonNode value(Object datum, Schema schema) {
    if (datum == null) {
      return NODES.nullNode();
    }
    if (datum instanceof TemporalAccessor) {
      return NODES.textNode(datum.toString()); // a logical type: timestamp, date, time
    }
    return switch (schema.getType()) {
      case RECORD -> record((IndexedRecord) datum, schema);
      case UNION -> value(datum, schema.getTypes().get(SpecificData.get().resolveUnion(schema,
          datum)));
      case ARRAY -> array((List<?>) datum, schema.getElementType());
      case MAP -> map((Map<?, ?>) datum, schema.getValueType());
      case ENUM, STRING -> NODES.textNode(datum.toString());
      case INT -> NODES.numberNode(((Number) datum).intValue());
      case LONG -> NODES.numberNode(((Number) datum).longValue());
      case FLOAT, DOUBLE -> number(((Number) datum).doubleValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case BYTES -> NODES.textNode(base64((ByteBuffer) datum));
      case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum)
          .bytes()));
      case NULL -> NODES.nullNode();
    };
  }

  private static ObjectNode record(IndexedRecord record, Schema schema) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : schema.getFields()) {
      node.set(field.name(), value(record.get(field.pos()), field.schema()));
    }
    return node;
  }

  private static ArrayNode array(List<?> items, Schema itemSchema) {
    ArrayNode node = NODES.arrayNode(items.size());
    items.forEach(item -> node.add(value(item, itemSchema)));
    return node;
  }

  /** Keys in sorted order, so the same record always prints the same line. */
  private static ObjectNode map(Map<?, ?> entries, Schema valueSchema) {
    Map<String, Object> sorted = new TreeMap<>();
    entries.forEach((k, v) -> sorted.put(k.toString(), v));
    ObjectNode node = NODES.objectNode();
    sorted.forEach((k, v) -> node.set(k, value(v, valueSchema)));
    return node;
  }

  private static JsonNode number(double d) {
    return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] b = new byte[copy.remaining()];
    copy.get(b);
    return Base64.getEncoder().encodeToString(b);
  }
}

package nl.waarom.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro serde of one record type, in either of two encodings; readers understand both, told
 * apart by the first byte.
 *
 * <ul>
 *   <li><b>Single-object encoding</b> (the default, no server needed):
 *       <a href="https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding">Avro's
 *       single-object encoding</a>: the marker {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of
 *       the writer's schema, then the binary body. Readers resolve the fingerprint against every
 *       released version of the schema ({@link ReleasedSchemas}).
 *   <li><b>Schema-registry wire format</b> (when a {@link SchemaRegistryClient} is given): byte
 *       {@code 00}, the writer schema's 4-byte registry id (big-endian), then the binary body, as
 *       every Confluent-compatible tool reads it. The writer's schema is the latest released version,
 *       registered under the subject {@code <topic>-value}; readers fetch the writer schema by id
 *       and resolve it to the schema they were built with (Avro schema resolution).
 * </ul>
 *
 * <p>A registry serde writes the registry format to its own topic only: Kafka Streams' repartition
 * and changelog topics (which it serializes to under their own names) keep single-object encoding,
 * internal and unregistered.
 *
 * <p>Instances are immutable apart from caches, and thread-safe; {@link Topics} creates one per
 * topic.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private static final byte REGISTRY_MAGIC = 0;
  private static final int REGISTRY_HEADER = 5;

  private final Class<T> type;
  private final Schema current;
  private final SpecificData model;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final SchemaRegistryClient registry; // null: registry-free
  private final String topic; // the topic written in the registry format; null when registry-free
  private final Schema registered; // the released schema registered for the topic
  private final DatumWriter<T> registryWriter;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private volatile int writerId = -1;

  private AvroSerde(Class<T> type, String topic, SchemaRegistryClient registry) {
    this.type = type;
    this.model = SpecificData.getForClass(type);
    this.current = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    List<Schema> released = ReleasedSchemas.versionsOf(current.getFullName());
    for (Schema version : released) {
      decoder.addSchema(version);
    }
    this.registry = registry;
    this.topic = topic;
    // The latest released version without the Java-only property avro.java.string, which the
    // other readers of the registry need not see (the same schema, parsing-canonical form)
    this.registered = RegisteredSchema.of(released.isEmpty() ? current : released.get(released.size() - 1));
    this.registryWriter = new SpecificDatumWriter<>(current, model);
  }

  /** A registry-free serde for one generated record class: it writes single-object encoding. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, null, null);
  }

  /**
   * A serde that writes the schema-registry wire format to {@code topic}, registering (or looking
   * up) the latest released schema under {@code <topic>-value} at its first record.
   *
   * @param registry the registry; null for a registry-free serde, as {@link #of(Class)}
   */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, String topic,
      SchemaRegistryClient registry) {
    return registry == null ? of(type) : new AvroSerde<>(type, Objects.requireNonNull(topic, "topic"), registry);
  }

  /** The registry subject of a topic's values: {@code <topic>-value}. */
  public static String subject(String topic) {
    return topic + "-value";
  }

  /** The record class this serde encodes; never null. */
  public Class<T> type() {
    return type;
  }

  /** Whether this serde writes the registry format (to its own topic). */
  public boolean usesRegistry() {
    return registry != null;
  }

  /** Encodes one record in single-object encoding; never returns null for a non-null record. */
  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Encodes one record in the schema-registry wire format, registering its schema at the first
   * call.
   *
   * @throws IllegalStateException when this serde has no registry
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public byte[] encodeForRegistry(T record) {
    if (registry == null) {
      throw new IllegalStateException(this + " has no schema registry");
    }
    int id = writerId;
    if (id < 0) {
      id = registry.idFor(subject(topic), registered);
      writerId = id;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(REGISTRY_MAGIC);
      out.write(ByteBuffer.allocate(4).putInt(id).array());
      BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
      registryWriter.write(record, body);
      body.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes one record of either encoding.
   *
   * @throws SerializationException when the bytes are neither a single-object-encoded record of a
   *     known version of this schema nor a registry-format record whose writer schema resolves to it
   * @throws SchemaRegistryException when the writer schema must be fetched and the registry cannot
   *     be asked (the record may well be good: retry it)
   */
  public T decode(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == REGISTRY_MAGIC) {
      return decodeFromRegistry(bytes);
    }
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "not a " + type.getSimpleName() + " in Avro single-object encoding: " + e.getMessage(), e);
    }
  }

  private T decodeFromRegistry(byte[] bytes) {
    if (bytes.length < REGISTRY_HEADER) {
      throw new SerializationException("not a " + type.getSimpleName() + ": " + bytes.length
          + " bytes, too short for the schema-registry wire format");
    }
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    if (registry == null) {
      throw new SerializationException("a " + type.getSimpleName() + " in the schema-registry "
          + "wire format (schema id " + id + "), but no schema registry is configured "
          + "(WAAROM_SCHEMA_REGISTRY_URL)");
    }
    DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
    try {
      return reader.read(null, DecoderFactory.get()
          .binaryDecoder(bytes, REGISTRY_HEADER, bytes.length - REGISTRY_HEADER, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("not a " + type.getSimpleName() + " written with schema id "
          + id + ": " + e.getMessage(), e);
    }
  }

  private DatumReader<T> readerFor(int id) {
    Schema writer = registry.schema(id);
    var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException("schema id " + id + " (" + writer.getFullName()
          + ") cannot be read as " + type.getSimpleName() + ": " + compatibility.getDescription());
    }
    return new SpecificDatumReader<>(writer, current, model);
  }

  /**
   * Writes the registry format when a registry is configured and {@code topic} is this serde's
   * topic; single-object encoding otherwise (Kafka Streams' internal topics, registry-free mode).
   */
  @Override
  public Serializer<T> serializer() {
    return (target, data) -> data == null ? null
        : registry != null && topic.equals(target) ? encodeForRegistry(data) : encode(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (source, data) -> data == null ? null : decode(data);
  }

  @Override
  public String toString() {
    return "AvroSerde[" + type.getSimpleName() + (registry == null ? "" : ", " + topic + " via "
        + registry) + "]";
  }
}

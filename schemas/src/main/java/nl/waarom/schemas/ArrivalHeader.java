package nl.waarom.schemas;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * When a contact reached Waarom: the record header {@value #NAME} on a contact topic record, an
 * ISO-8601 instant in UTF-8 ({@code 2026-11-16T10:19:07.120Z}).
 *
 * <p>The analyzer judges whether a contact "arrived long after its time" (more than the disorder
 * tolerance after its {@code occurredAt}) by this instant, not by where the record happens to
 * stand among other records, so the verdict is the same live, after a catch-up and on any number
 * of partitions. The connectors set the header to when they read the contact; without it, a
 * record's arrival is its Kafka timestamp, which the gateway's producer sets to the time it sent
 * it. Producers that re-publish
 * history (such as {@code waarom replay}) set the header to the time the contact originally
 * arrived, or to its {@code occurredAt} when that is unknown, so that history replayed today is
 * not all "late". A header that cannot be parsed is ignored.
 */
public final class ArrivalHeader {
  /** The header's name. */
  public static final String NAME = "waarom.arrived-at";

  private ArrivalHeader() {}

  /** The header's value for {@code arrivedAt}. */
  public static byte[] encode(Instant arrivedAt) {
    return arrivedAt.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Adds (replacing any) the header for {@code arrivedAt} to {@code headers}; returns them. */
  public static Headers set(Headers headers, Instant arrivedAt) {
    headers.remove(NAME);
    return headers.add(NAME, encode(arrivedAt));
  }

  /** The arrival in {@code headers} in epoch millis; empty when absent or unreadable. */
  public static OptionalLong read(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(NAME);
    if (header == null || header.value() == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(
          IsoInstants.parse(new String(header.value(), StandardCharsets.UTF_8)).toEpochMilli());
    } catch (DateTimeException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}

package nl.waarom.analyzer.streams.order;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where a record stands in the ordered stream: its event time, or, for a record its first hop read
 * after that hop's watermark had passed its event time (it arrived long after its time), the
 * watermark at which it was read. That position travels with the record in a header through every
 * later hop, so a late contact is placed, counted late or not, and judged at the same point of the
 * stream whether the input is read live or caught up, on any number of partitions; its event time
 * (the record timestamp) still decides its windows.
 */
public final class OrderTime {
  /** The header holding the order time, 8 bytes big-endian epoch millis; absent = event time. */
  public static final String HEADER = "waarom.order-time";

  private OrderTime() {}

  /** The order time of {@code record}: its header, or its timestamp. */
  public static long of(Record<?, ?> record) {
    Header header = record.headers().lastHeader(HEADER);
    if (header == null || header.value() == null || header.value().length != Long.BYTES) {
      return record.timestamp();
    }
    return ByteBuffer.wrap(header.value()).getLong();
  }

  /** {@code record} placed at {@code orderTime} (a copy; no header when it is the event time). */
  static <K, V> Record<K, V> at(Record<K, V> record, long orderTime) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(HEADER);
    if (orderTime != record.timestamp()) {
      headers.add(HEADER, ByteBuffer.allocate(Long.BYTES).putLong(orderTime).array());
    }
    return record.withHeaders(headers);
  }
}

package nl.waarom.tools.query;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a query shows of one topic: which topic, the time its records are selected and ordered by,
 * which records a filter keeps, and the columns of a row. Stateless.
 */
interface RecordView<V extends SpecificRecord> {
  /** The topic in the catalogue. */
  Topic<String, V> topic(Topics topics);

  /** The time {@code --since} and {@code --until} select on and rows are ordered by; never null. */
  Instant time(V record);

  boolean matches(V record, QueryFilter filter);

  /** The columns of the table and the CSV output, in order. */
  List<Column<V>> columns();

  /** What {@code count} records are called in the table's last line, e.g. "3 insights". */
  String count(int count);
}

/**
 * The query commands for analysts ({@code ./waarom insights}, {@code trends}, {@code contacts};
 * {@link nl.waarom.tools.query.QueryMain} with {@link nl.waarom.tools.query.QueryOptions}): the
 * answers of a running installation straight from its topics, without a database.
 *
 * <p>{@link nl.waarom.tools.query.TopicScan} reads one topic without a consumer group, from the
 * first record at {@code --since} (found with {@code offsetsForTimes}: every record of these topics
 * is stamped with the time the query selects on, or later) up to the end offsets it saw at start,
 * then on as records arrive when following. A {@link nl.waarom.tools.query.Snapshot} keeps the
 * latest record per key, as the topic read as a table; one {@code RecordView} per topic says which
 * time it selects on, what the filter means for it and what its columns are; a
 * {@code RowWriter} prints a table, JSON lines ({@code AvroJson}: the whole record) or CSV.
 *
 * <p>Values are decoded by the value serde of the topic in {@link nl.waarom.schemas.Topics}, the
 * same the services use, so the commands read whatever encoding the installation writes.
 */
package nl.waarom.tools.query;

/**
 * The dead-letter tool ({@code ./waarom dlq list|replay}, {@link nl.waarom.ingest.dlq.DlqMain} with
 * {@link nl.waarom.ingest.dlq.DlqListOptions} and {@link nl.waarom.ingest.dlq.DlqReplayOptions}):
 * {@link nl.waarom.ingest.dlq.DeadLetterReader} lists the {@code dlq} topic without joining a
 * consumer group; {@link nl.waarom.ingest.dlq.DeadLetterReplayer} sends the original bytes back
 * where they came from after a fix, and reports the letters that are still invalid.
 */
package nl.waarom.ingest.dlq;

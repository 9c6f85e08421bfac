package nl.waarom.analyzer.streams.order;

/**
 * A source's last marker as {@link EventTimeOrder} keeps it, or (under its summary key) what the
 * hop released. Stored as JSON.
 *
 * @param watermark epoch millis; {@link Long#MIN_VALUE} when unknown
 * @param idle whether the source was idle (for the summary: whether all sources were)
 * @param earliest the earliest event time seen; {@link Long#MAX_VALUE} when none
 */
record SourceMark(long watermark, boolean idle, long earliest) {}

package nl.waarom.tools.bench;

/**
 * Raises one logger to ERROR for the duration of a run when the backend is logback: Kafka
 * Streams logs a warning for every record too late for a window, thousands in a replay of
 * history, and the benchmarks count those drops from the metrics instead.
 */
record QuietLogger(ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level level) {
  /** The logger of Kafka Streams' windowed operators, whose late-record warnings flood a run. */
  static final String LATE_RECORDS = "org.apache.kafka.streams.kstream.internals";

  static QuietLogger quiet(String name) {
    if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
      QuietLogger quiet = new QuietLogger(l, l.getLevel());
      l.setLevel(ch.qos.logback.classic.Level.ERROR);
      return quiet;
    }
    return new QuietLogger(null, null);
  }

  void restore() {
    if (logger != null) {
      logger.setLevel(level);
    }
  }
}

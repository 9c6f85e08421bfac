package nl.waarom.analyzer.emerging;

/**
 * The detector's clock and counters, the JSON value of the {@code emerging-progress} store.
 * Immutable.
 *
 * @param streamTime newest event time seen, epoch millis; Long.MIN_VALUE before the first
 * @param evaluatedWindow start of the newest window evaluated (or started in); Long.MIN_VALUE
 *     before the first
 * @param vocabulary terms in the background store
 * @param recent contacts in the recent store
 */
public record EmergingProgress(long streamTime, long evaluatedWindow, int vocabulary, int recent) {
  static final EmergingProgress START =
      new EmergingProgress(Long.MIN_VALUE, Long.MIN_VALUE, 0, 0);

  EmergingProgress withStreamTime(long time) {
    return new EmergingProgress(Math.max(streamTime, time), evaluatedWindow, vocabulary, recent);
  }

  EmergingProgress withEvaluatedWindow(long window) {
    return new EmergingProgress(streamTime, window, vocabulary, recent);
  }

  EmergingProgress withVocabulary(int size) {
    return new EmergingProgress(streamTime, evaluatedWindow, size, recent);
  }

  EmergingProgress withRecent(int size) {
    return new EmergingProgress(streamTime, evaluatedWindow, vocabulary, size);
  }
}

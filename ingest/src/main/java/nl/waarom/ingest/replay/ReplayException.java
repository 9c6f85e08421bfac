package nl.waarom.ingest.replay;

/** A replay that could not finish because Kafka did not acknowledge a record. */
public final class ReplayException extends RuntimeException {
  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}

package nl.waarom.ingest.connect.spool;

/** A spool file (or one line of it) that cannot become a contact; the message is the reason. */
public final class BadInputException extends Exception {
  public BadInputException(String reason) {
    super(reason);
  }
}

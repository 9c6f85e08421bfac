package nl.waarom.sink.backlog;

/**
 * A backlog action that cannot be done, with the HTTP status the API answers and, for a bad
 * request, the field at fault.
 */
public final class BacklogException extends RuntimeException {
  private final int status;
  private final String field;

  private BacklogException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /** 404: no such item. */
  public static BacklogException notFound(String itemId) {
    return new BacklogException(404, null, "no backlog item '" + itemId + "'");
  }

  /** 404: the item is there but has no drafted rule (only an emerging reason has one). */
  public static BacklogException noDraftedRule(String itemId, String kind) {
    return new BacklogException(404, null, "backlog item '" + itemId + "' is a " + kind
        + ": only an emerging reason has a drafted rule to backtest");
  }

  /** 400: a field of the request is missing or invalid. */
  public static BacklogException badField(String field, String message) {
    return new BacklogException(400, field, field + ": " + message);
  }

  /** 409: the move is not allowed from the item's current status. */
  public static BacklogException conflict(String message) {
    return new BacklogException(409, "status", message);
  }

  public int status() {
    return status;
  }

  /** The request field at fault; null when not about a field. */
  public String field() {
    return field;
  }
}

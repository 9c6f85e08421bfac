package nl.waarom.sink.export;

/**
 * A tracker call that failed: unreachable, timed out, rejected (HTTP 4xx/5xx) or answered
 * something unreadable. The message says which call, the HTTP status and the tracker's own
 * message, and is stored in {@code tracker_links.last_error}.
 */
public final class TrackerException extends Exception {
  private final int status;

  /** @param status HTTP status, or 0 when there was no response */
  public TrackerException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /**
   * Whether the tracker as a whole is unavailable (no response, HTTP 429 or 5xx) rather than this
   * one request being rejected: the exporter then stops the run instead of waiting out a timeout
   * per item.
   */
  public boolean outage() {
    return status == 0 || status == 429 || status >= 500;
  }

  /** HTTP status of the response, 0 when there was none. */
  public int status() {
    return status;
  }
}

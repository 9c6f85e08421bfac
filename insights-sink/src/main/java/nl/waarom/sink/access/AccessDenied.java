package nl.waarom.sink.access;

/**
 * A request refused for want of an identity (401) or of a role or CSRF token (403); the message
 * tells the caller what to do and names no secret.
 */
public final class AccessDenied extends RuntimeException {
  private final int status;

  private AccessDenied(int status, String message) {
    super(message);
    this.status = status;
  }

  static AccessDenied unauthenticated(String message) {
    return new AccessDenied(401, message);
  }

  static AccessDenied forbidden(String message) {
    return new AccessDenied(403, message);
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}

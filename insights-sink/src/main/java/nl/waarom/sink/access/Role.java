package nl.waarom.sink.access;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/** What a person or script may do: a viewer reads, an editor also changes backlog items. */
public enum Role implements RouteRole {
  VIEWER,
  EDITOR;

  /** Whether this role may use a route that needs {@code needed}. */
  public boolean covers(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The role named {@code text} (viewer, editor; any case), or empty. */
  public static Optional<Role> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "viewer" -> Optional.of(VIEWER);
      case "editor" -> Optional.of(EDITOR);
      default -> Optional.empty();
    };
  }

  /** The lower-case name used in settings and responses. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}

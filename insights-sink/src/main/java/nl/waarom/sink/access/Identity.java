package nl.waarom.sink.access;

import java.util.Objects;

/**
 * Someone the sink has authenticated: the name recorded as the actor of their changes, their role
 * and how they proved who they are.
 *
 * @param name e-mail, user name or subject of a person, or the name of an API token; never blank
 * @param role never null
 * @param via how: {@code oidc}, {@code token} or {@code link}; never null
 */
public record Identity(String name, Role role, String via) {
  public Identity {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(via, "via");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an identity has a name");
    }
  }
}

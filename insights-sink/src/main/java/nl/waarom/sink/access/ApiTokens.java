package nl.waarom.sink.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Static API tokens for scripts, configured as {@code name:role:sha256-hex} entries separated by
 * commas. Only the SHA-256 of a token is kept; a presented token is hashed and compared with every
 * entry in constant time, so neither the configuration nor the timing gives a token away.
 */
public final class ApiTokens {
  private record Entry(String name, Role role, byte[] hash) {}

  private final List<Entry> entries;

  private ApiTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No tokens. */
  public static ApiTokens none() {
    return new ApiTokens(List.of());
  }

  /**
   * Parses {@code name:role:sha256-hex[,...]}; blank is none.
   *
   * @throws IllegalArgumentException naming the bad entry (never echoing a hash)
   */
  public static ApiTokens parse(String text) {
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (text == null || text.isBlank()) {
      return none();
    }
    for (String raw : text.split(",")) {
      String part = raw.strip();
      if (part.isEmpty()) {
        continue;
      }
      String[] fields = part.split(":", -1);
      String name = fields[0].strip();
      if (fields.length != 3 || name.isEmpty()) {
        throw new IllegalArgumentException("an API token entry is name:role:sha256-hex, "
            + "got one with " + fields.length + " field(s)" + (name.isEmpty() ? "" : " for '" + name + "'"));
      }
      Role role = Role.parse(fields[1]).orElseThrow(() -> new IllegalArgumentException(
          "API token '" + name + "': role is viewer or editor, not '" + fields[1].strip() + "'"));
      String hex = fields[2].strip().toLowerCase(Locale.ROOT);
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("API token '" + name
            + "': the third field is the token's SHA-256 as 64 hex digits, not the token itself");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("API token '" + name + "' is configured twice");
      }
      entries.add(new Entry(name, role, HexFormat.of().parseHex(hex)));
    }
    return new ApiTokens(entries);
  }

  /** The SHA-256 of a token as 64 lower-case hex digits, as the configuration holds it. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** The identity a presented token stands for, or empty for an unknown token. */
  public Optional<Identity> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token.strip());
    Entry match = null;
    for (Entry e : entries) { // no early exit: every entry is compared
      if (MessageDigest.isEqual(presented, e.hash()) && match == null) {
        match = e;
      }
    }
    return match == null ? Optional.empty()
        : Optional.of(new Identity(match.name(), match.role(), "token"));
  }

  /** Whether any token is configured. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The configured tokens' names and roles (never the hashes), for the start-up log. */
  @Override
  public String toString() {
    return entries.stream().map(e -> e.name() + ":" + e.role().value()).toList().toString();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

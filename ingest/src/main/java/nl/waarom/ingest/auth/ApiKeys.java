package nl.waarom.ingest.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of {@link ApiKey}s, as configured: {@code WAAROM_GATEWAY_API_KEYS} holds
 * {@code name:sha256[:limit]} entries separated by commas; a keys file holds one
 * {@code name sha256 [limit]} per line, with blank lines and {@code #} comments allowed. Several
 * keys may share a name (that is how a key is rotated); a hash appears once. Immutable.
 */
public final class ApiKeys {
  /** No keys: every request is refused. */
  public static final ApiKeys NONE = new ApiKeys(List.of());

  private final List<ApiKey> keys;

  public ApiKeys(List<ApiKey> keys) {
    Set<String> hashes = new LinkedHashSet<>();
    for (ApiKey k : keys) {
      if (!hashes.add(k.sha256())) {
        throw new IllegalArgumentException("the hash of key '" + k.name() + "' appears twice");
      }
    }
    this.keys = List.copyOf(keys);
  }

  /**
   * Parses the setting's value: {@code name:sha256[:limit]} entries separated by commas; empty
   * gives {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the bad entry by position, never echoing it
   */
  public static ApiKeys parseSetting(String text) {
    List<ApiKey> keys = new ArrayList<>();
    String[] entries = text.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split(":", -1);
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalArgumentException("entry " + (i + 1)
            + " is not of the form name:sha256-hex[:limit]");
      }
      keys.add(entry(parts, "entry " + (i + 1)));
    }
    return new ApiKeys(keys);
  }

  /**
   * Parses the lines of a keys file: {@code name sha256 [limit]} separated by spaces or tabs.
   *
   * @throws IllegalArgumentException naming the bad line by number, never echoing it
   */
  public static ApiKeys parseFile(List<String> lines) {
    List<ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalArgumentException("line " + (i + 1)
            + " is not of the form 'name sha256-hex [limit]'");
      }
      keys.add(entry(parts, "line " + (i + 1)));
    }
    return new ApiKeys(keys);
  }

  private static ApiKey entry(String[] parts, String where) {
    try {
      RateLimit limit = parts.length == 3 ? RateLimit.parse(parts[2]) : null;
      return new ApiKey(parts[0].strip(), parts[1].strip(), limit);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** These keys and then {@code more}'s. */
  public ApiKeys and(ApiKeys more) {
    List<ApiKey> all = new ArrayList<>(keys);
    all.addAll(more.keys);
    return new ApiKeys(all);
  }

  /**
   * The configured key that {@code key} is, if any. Hashes {@code key} once and compares the hash
   * with every configured one in constant time, so the time taken tells nothing about how close a
   * guess was.
   */
  public Optional<ApiKey> find(String key) {
    byte[] hash = ApiKey.sha256(key);
    ApiKey found = null;
    for (ApiKey k : keys) {
      if (k.matches(hash) && found == null) {
        found = k;
      }
    }
    return Optional.ofNullable(found);
  }

  public List<ApiKey> all() {
    return keys;
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The count and the names, for the start-up log: no hash, no key. */
  @Override
  public String toString() {
    return keys.size() + " key(s)" + (keys.isEmpty() ? ""
        : ": " + String.join(", ", keys.stream().map(ApiKey::toString).toList()));
  }
}

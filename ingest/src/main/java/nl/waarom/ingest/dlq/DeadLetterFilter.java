package nl.waarom.ingest.dlq;

import java.time.Instant;
import java.util.List;

/**
 * Which dead letters a command looks at. Immutable.
 *
 * @param since only letters that failed at or after this moment; null for all
 * @param source only letters whose source is this one or starts with it followed by {@code :}
 *     ({@code gateway} selects {@code gateway} and {@code gateway:intercom}); null for all
 * @param addresses only these {@code partition:offset} addresses; empty for all
 */
public record DeadLetterFilter(Instant since, String source, List<String> addresses) {
  public DeadLetterFilter {
    addresses = List.copyOf(addresses);
  }

  public static DeadLetterFilter all() {
    return new DeadLetterFilter(null, null, List.of());
  }

  /**
   * The address {@code partition:offset} of {@code text}, which may be a bare offset (partition
   * 0): {@code 17} becomes {@code 0:17}, {@code 1:007} becomes {@code 1:7}.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static String address(String text) {
    String s = text.strip();
    if (!s.matches("(\\d{1,9}:)?\\d{1,18}")) {
      throw new IllegalArgumentException("must be partition:offset or offset: '" + text + "'");
    }
    String[] parts = s.contains(":") ? s.split(":") : new String[] {"0", s};
    return Integer.parseInt(parts[0]) + ":" + Long.parseLong(parts[1]);
  }

  boolean matches(DeadLetterEntry e) {
    String s = e.letter().getSource();
    return (since == null || !e.letter().getFailedAt().isBefore(since))
        && (source == null || s.equals(source) || s.startsWith(source + ":"))
        && (addresses.isEmpty() || addresses.contains(e.address()));
  }
}

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

  boolean matches(DeadLetterEntry e) {
    String s = e.letter().getSource();
    return (since == null || !e.letter().getFailedAt().isBefore(since))
        && (source == null || s.equals(source) || s.startsWith(source + ":"))
        && (addresses.isEmpty() || addresses.contains(e.address()));
  }
}

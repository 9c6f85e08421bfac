package nl.waarom.ingest.dlq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.platform.Parsers;

/**
 * Command-line options of {@code dlq list} and {@code dlq replay}; {@code --name=value} works too.
 *
 * @param command {@code list} or {@code replay}; null only with {@code help}
 * @param filter which dead letters
 * @param limit most letters listed
 * @param all replay every selected letter (replay needs {@code --all} or {@code --offset})
 * @param dryRun validate and report, produce nothing
 * @param help whether help was asked
 */
record DlqOptions(String command, DeadLetterFilter filter, int limit, boolean all, boolean dryRun,
    boolean help) {
  static final String USAGE = """
      usage: dlq list   [--since DURATION|INSTANT] [--source SOURCE] [--limit N]
             dlq replay [--source SOURCE] [--since ...] (--offset P:O[,P:O...] | --all) [--dry-run]
        list    prints dead letters (address partition:offset, time, source, origin, size, error)
        replay  re-submits their original bytes to where they came from: the original topic
                for consumer dead letters (analyzer, insights-sink); the gateway's validation,
                pseudonymisation and redaction for gateway, webhook, replay and connector
                dead letters. Letters still invalid stay dead and are reported.
        --since   90m, 2d (ago) or an ISO-8601 instant; --source gateway also selects
                  gateway:intercom; --offset 0:17 (partition:offset; a bare offset means
                  partition 0); --limit default 100.
        Kafka, the topic prefix and the pseudonym secret come from WAAROM_KAFKA_BOOTSTRAP_SERVERS,
        WAAROM_TOPIC_PREFIX and WAAROM_PSEUDONYM_SECRET.""";
  static final int DEFAULT_LIMIT = 100;

  /** @throws IllegalArgumentException naming the problem with the arguments */
  static DlqOptions parse(String[] args, Clock clock) {
    if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
      return new DlqOptions(null, DeadLetterFilter.all(), DEFAULT_LIMIT, false, false, true);
    }
    String command = args[0];
    if (!command.equals("list") && !command.equals("replay")) {
      throw new IllegalArgumentException("unknown dlq command: " + command);
    }
    Instant since = null;
    String source = null;
    List<String> addresses = new ArrayList<>();
    int limit = DEFAULT_LIMIT;
    boolean all = false;
    boolean dryRun = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--all") || name.equals("--dry-run") || name.equals("--help")) {
        all |= name.equals("--all");
        dryRun |= name.equals("--dry-run");
        if (name.equals("--help")) {
          return new DlqOptions(command, DeadLetterFilter.all(), limit, false, false, true);
        }
        continue;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--since" -> since = since(value, clock);
        case "--source" -> source = value.strip();
        case "--limit" -> limit = Parsers.intInRange(value, 1, 1_000_000);
        case "--offset" -> addresses.addAll(addresses(value));
        default -> throw new IllegalArgumentException("unknown argument: " + name);
      }
    }
    if (command.equals("list") && (all || dryRun || !addresses.isEmpty())) {
      throw new IllegalArgumentException("list takes --since, --source and --limit only");
    }
    if (command.equals("replay") && all == !addresses.isEmpty()) {
      throw new IllegalArgumentException("replay needs exactly one of --offset P:O or --all");
    }
    return new DlqOptions(command, new DeadLetterFilter(since, source, addresses), limit, all,
        dryRun, false);
  }

  private static Instant since(String value, Clock clock) {
    try {
      return Instant.parse(value.strip());
    } catch (RuntimeException notAnInstant) {
      try {
        return clock.instant().minus(Parsers.duration(value));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--since must be a duration (90m, 2d) or an "
            + "ISO-8601 instant: '" + value + "'");
      }
    }
  }

  private static List<String> addresses(String value) {
    List<String> out = new ArrayList<>();
    for (String a : value.split(",")) {
      String s = a.strip();
      if (!s.matches("(\\d+:)?\\d+")) {
        throw new IllegalArgumentException("--offset must be partition:offset or offset: '"
            + s + "'");
      }
      String[] parts = s.contains(":") ? s.split(":") : new String[] {"0", s};
      out.add(Integer.parseInt(parts[0]) + ":" + Long.parseLong(parts[1]));
    }
    return out;
  }
}

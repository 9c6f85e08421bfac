package nl.waarom.ingest.replay;

import java.nio.file.Path;

/**
 * Command-line options of the replay: {@code --file PATH} (required) and {@code --rate N}
 * (lines per second, 0 or absent for as fast as possible); {@code --name=value} works too.
 *
 * @param file the JSONL file; null only when {@code help} is set
 * @param rate lines per second, finite and >= 0
 * @param help whether {@code --help} was given
 */
record ReplayOptions(Path file, double rate, boolean help) {
  static final String USAGE = "usage: replay --file PATH [--rate CONTACTS_PER_SECOND]\n"
      + "  Publishes a JSONL file of contacts to the Waarom channel topics; invalid lines go to\n"
      + "  the dead-letter topic. Kafka and the topic prefix come from WAAROM_KAFKA_BOOTSTRAP_SERVERS\n"
      + "  and WAAROM_TOPIC_PREFIX; customer ids are pseudonymised with WAAROM_PSEUDONYM_SECRET.";

  /** @throws IllegalArgumentException naming the problem with the arguments */
  static ReplayOptions parse(String[] args) {
    Path file = null;
    double rate = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new ReplayOptions(null, 0, true);
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--file" -> file = Path.of(value);
        case "--rate" -> rate = rate(value);
        default -> throw new IllegalArgumentException("unknown argument: " + name);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("--file is required");
    }
    return new ReplayOptions(file, rate, false);
  }

  private static double rate(String value) {
    double rate;
    try {
      rate = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate must be a number: '" + value + "'");
    }
    if (Double.isNaN(rate) || Double.isInfinite(rate) || rate < 0) {
      throw new IllegalArgumentException("--rate must be >= 0: '" + value + "'");
    }
    return rate;
  }
}

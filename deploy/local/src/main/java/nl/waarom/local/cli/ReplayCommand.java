package nl.waarom.local.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.waarom.ingest.replay.ReplayMain;
import nl.waarom.ingest.replay.ReplayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom replay}: a JSONL file of contacts to a running stack ({@link ReplayMain}). */
@Command(name = "replay",
    description = {"Publish a JSONL file of contacts to a running stack.",
        "Valid lines go to the channel topics, invalid lines to the dead-letter topic; the last "
            + "line is replayed=N dead_lettered=M elapsed_s=S.",
        "Kafka and the topic prefix come from WAAROM_KAFKA_BOOTSTRAP_SERVERS and "
            + "WAAROM_TOPIC_PREFIX; customer ids are pseudonymised with WAAROM_PSEUDONYM_SECRET; "
            + "a secured cluster's client properties (TLS, SASL) come from "
            + "WAAROM_KAFKA_CLIENT_PROPERTIES and WAAROM_KAFKA_<NAME> (docs/kafka-security.md)."},
    footer = {"  waarom replay --file contacts.jsonl", "  waarom replay --file contacts.jsonl "
        + "--rate 50"})
final class ReplayCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "FILE",
      description = "The JSONL file, one contact a line.")
  Path file;

  @Option(names = "--rate", paramLabel = "N", converter = Converters.NonNegativeNumber.class,
      description = "Contacts per second; 0 for as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate = 0;

  ReplayCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  ReplayOptions options() {
    return Checks.valid(spec, () -> new ReplayOptions(file, rate));
  }

  @Override
  public Integer call() {
    return ReplayMain.run(options(), terminal.env(), terminal.out(), terminal.err());
  }
}

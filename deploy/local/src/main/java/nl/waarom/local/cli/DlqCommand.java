package nl.waarom.local.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarom.ingest.dlq.DeadLetterFilter;
import nl.waarom.ingest.dlq.DlqListOptions;
import nl.waarom.ingest.dlq.DlqMain;
import nl.waarom.ingest.dlq.DlqReplayOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom dlq list|replay}: the dead letters of a running stack ({@link DlqMain}). */
@Command(name = "dlq",
    description = {"List the dead letters of a running stack, or send them back after a fix.",
        "Kafka, the topic prefix and the pseudonym secret come from "
            + "WAAROM_KAFKA_BOOTSTRAP_SERVERS, WAAROM_TOPIC_PREFIX and WAAROM_PSEUDONYM_SECRET; "
            + "a secured cluster's client properties (TLS, SASL) from "
            + "WAAROM_KAFKA_CLIENT_PROPERTIES and WAAROM_KAFKA_<NAME> (docs/kafka-security.md)."},
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.ReplayLetters.class},
    footer = {"  waarom dlq list --since 2h", "  waarom dlq replay --all --dry-run"})
final class DlqCommand {
  DlqCommand() {}

  /** Which letters: the options both subcommands share. */
  static final class Selection {
    @Option(names = "--since", paramLabel = "WHEN", converter = Converters.SinceConverter.class,
        description = "Only letters that failed since then: a duration ago (90m, 2d) or an "
            + "ISO-8601 instant.")
    Instant since;

    @Option(names = "--source", paramLabel = "SOURCE",
        description = "Only letters of this source; gateway also selects gateway:intercom.")
    String source;

    DeadLetterFilter filter(List<String> addresses) {
      return new DeadLetterFilter(since, source == null ? null : source.strip(), addresses);
    }
  }

  /** {@code waarom dlq list}. */
  @Command(name = "list",
      description = {"Print dead letters and their count.",
          "One line a letter: address (partition:offset), time, source, origin, size, error."},
      footer = {"  waarom dlq list", "  waarom dlq list --since 2h --source gateway --limit 20"})
  static final class ListLetters implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;
    @Mixin Selection selection;

    @Option(names = "--limit", paramLabel = "N", converter = Converters.PositiveInt.class,
        description = "Most letters printed; the count covers all (default: ${DEFAULT-VALUE}).")
    int limit = DlqListOptions.DEFAULT_LIMIT;

    ListLetters(Terminal terminal) {
      this.terminal = terminal;
    }

    DlqListOptions options() {
      return Checks.valid(spec, () -> new DlqListOptions(selection.filter(List.of()), limit));
    }

    @Override
    public Integer call() {
      return DlqMain.list(options(), terminal.env(), terminal.out(), terminal.err());
    }
  }

  /** {@code waarom dlq replay}. */
  @Command(name = "replay",
      description = {"Send dead letters' original bytes back to where they came from.",
          "To the original topic for consumer dead letters (analyzer, insights sink); the gateway's "
          + "validation, pseudonymisation and redaction for gateway, webhook, replay and "
          + "connector dead letters. Letters still invalid stay dead and are reported; the last "
          + "line is replayed=N still_dead=M ignored=K."},
      footer = {"  waarom dlq replay --offset 0:17", "  waarom dlq replay --all --source gateway "
          + "--dry-run"})
  static final class ReplayLetters implements Callable<Integer> {
    private final Terminal terminal;
    @Spec CommandSpec spec;
    @Mixin Selection selection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--dry-run", description = "Validate and report; send nothing.")
    boolean dryRun;

    /** Exactly one of: these addresses, or every selected letter. */
    static final class Which {
      @Option(names = "--offset", paramLabel = "P:O", split = ",", required = true,
          converter = Converters.AddressConverter.class,
          description = "These letters only: partition:offset (a bare offset means partition 0); "
              + "comma-separated or repeated.")
      List<String> addresses;

      @Option(names = "--all", required = true, description = "Every selected letter.")
      boolean all;
    }

    ReplayLetters(Terminal terminal) {
      this.terminal = terminal;
    }

    DlqReplayOptions options() {
      List<String> addresses = which.all ? List.of() : which.addresses;
      return Checks.valid(spec, () -> new DlqReplayOptions(selection.filter(addresses), dryRun));
    }

    @Override
    public Integer call() {
      return DlqMain.replay(options(), terminal.env(), terminal.out(), terminal.err());
    }
  }
}

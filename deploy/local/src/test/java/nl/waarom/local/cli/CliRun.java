package nl.waarom.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Runs the command line in memory, with an empty (or a given) environment, for tests. */
final class CliRun {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final Terminal terminal;

  CliRun() {
    this(Map.of());
  }

  /** With this environment instead of an empty one. */
  CliRun(Map<String, String> env) {
    terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  /** The exit code of {@code waarom args...}. */
  int execute(String... args) {
    out.reset();
    err.reset();
    return WaaromCommand.execute(terminal, args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  CommandLine commandLine() {
    return WaaromCommand.commandLine(terminal);
  }

  /** The innermost command {@code args} select, parsed but not run. */
  <T> T parsed(Class<T> type, String... args) {
    ParseResult result = commandLine().parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return type.cast(result.commandSpec().userObject());
  }
}

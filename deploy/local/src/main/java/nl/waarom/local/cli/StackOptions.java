package nl.waarom.local.cli;

import java.time.Duration;
import nl.waarom.local.LocalRun;
import nl.waarom.local.LocalStack;
import nl.waarom.platform.Config;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code demo} share: how long, and whether to start afresh. */
final class StackOptions {
  @Option(names = "--for", paramLabel = "DURATION",
      description = "Stop after this long (90s, 5m, 2h) and exit 0; without it, run until Ctrl-C.")
  Duration runFor;

  @Option(names = "--reset",
      description = "Wipe the data folder (WAAROM_DATA_DIR) first.")
  boolean reset;

  /**
   * Runs the stack; a bad WAAROM_* setting is reported and exits 2 before anything starts, a
   * component that does not start is reported and exits 1 once the rest has been stopped.
   */
  int run(CommandSpec spec, Terminal terminal, LocalRun.Options options)
      throws InterruptedException {
    try {
      return LocalRun.run(options, terminal.env(), terminal.out());
    } catch (Config.ConfigException e) {
      terminal.err().println(spec.qualifiedName() + ": " + e.getMessage());
      return picocli.CommandLine.ExitCode.USAGE;
    } catch (LocalStack.StartFailedException e) {
      terminal.err().println(spec.qualifiedName() + ": " + e.getMessage()
          + " (what had started was stopped; details in the log above)");
      return picocli.CommandLine.ExitCode.SOFTWARE;
    }
  }
}

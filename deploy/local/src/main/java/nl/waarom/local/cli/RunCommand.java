package nl.waarom.local.cli;

import java.util.concurrent.Callable;
import nl.waarom.local.LocalRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code waarom run}: the stack without demo traffic ({@link LocalRun}). */
@Command(name = "run",
    description = {"Start the embedded stack without demo traffic and wait.",
        "Kafka, PostgreSQL, gateway, analyzer and insights sink in one process: POST your own "
            + "contacts to the gateway. Ctrl-C stops everything cleanly."},
    footer = {"  waarom run", "  waarom run --reset --for 2h"})
final class RunCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;
  @Mixin StackOptions stack;

  RunCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  LocalRun.Options options() {
    return Checks.valid(spec, () -> new LocalRun.Options(false, stack.runFor, stack.reset, null,
        null));
  }

  @Override
  public Integer call() throws InterruptedException {
    return stack.run(spec, terminal, options());
  }
}

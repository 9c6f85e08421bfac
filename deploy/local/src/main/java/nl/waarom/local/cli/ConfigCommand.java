package nl.waarom.local.cli;

import java.util.concurrent.Callable;
import nl.waarom.local.ConfigurationReference;
import picocli.CommandLine.Command;

/** {@code waarom config}: the configuration reference ({@link ConfigurationReference}). */
@Command(name = "config",
    description = {"Print the configuration reference.",
        "Every configuration variable (WAAROM_*) of every service, with type, default and "
            + "description, as Markdown."},
    footer = {"  waarom config"})
final class ConfigCommand implements Callable<Integer> {
  private final Terminal terminal;

  ConfigCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    terminal.out().print(ConfigurationReference.markdown());
    return 0;
  }
}

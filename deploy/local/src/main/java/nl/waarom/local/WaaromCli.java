package nl.waarom.local;

import nl.waarom.local.cli.Terminal;
import nl.waarom.local.cli.WaaromCommand;

/**
 * The main class of the {@code ./waarom} launcher and of the image's {@code cli} and
 * {@code config} entries: runs one command of {@link WaaromCommand} and exits with its code (0
 * done, 1 failed, 2 usage error). Only wires; the commands live in {@code nl.waarom.local.cli}.
 */
public final class WaaromCli {
  private WaaromCli() {}

  public static void main(String[] args) {
    System.exit(WaaromCommand.execute(Terminal.system(), args));
  }
}

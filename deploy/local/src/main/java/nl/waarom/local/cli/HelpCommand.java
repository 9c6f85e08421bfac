package nl.waarom.local.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code waarom help [COMMAND...]}: the help of the top command or of a (sub)command, like
 * {@code waarom COMMAND --help}; with {@code --markdown}, the reference of every command
 * ({@link CliReference}) that {@code docs/cli.md} holds.
 */
@Command(name = "help", helpCommand = true,
    description = {"Print the help of a command.",
        "With --markdown, the reference of every command (docs/cli.md)."},
    footer = {"  waarom help dlq list", "  waarom help --markdown > docs/cli.md"})
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {
  @Parameters(paramLabel = "COMMAND", arity = "0..*",
      description = "The command, and subcommand, to explain, e.g. dlq list.")
  List<String> names = new ArrayList<>();

  @Option(names = "--markdown", description = "The reference of every command, as Markdown.")
  boolean markdown;

  private CommandLine self;
  private Help.ColorScheme colors;
  private PrintWriter out;

  HelpCommand() {}

  @Override
  public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out,
      PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    if (!self.getUnmatchedArguments().isEmpty()) {
      // a help command is parsed leniently; a misspelt option must not print some other help
      throw new CommandLine.UnmatchedArgumentException(self, self.getUnmatchedArguments());
    }
    CommandLine root = self.getParent();
    if (markdown) {
      out.print(CliReference.markdown(root));
      out.flush();
      return 0;
    }
    CommandLine target = root;
    for (String name : names) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw new ParameterException(self, "Unknown command: '" + String.join(" ", names) + "'");
      }
      target = sub;
    }
    target.usage(out, colors);
    out.flush();
    return 0;
  }
}

package nl.waarom.local.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ./waarom} command line: every command and subcommand, their help, usage errors and
 * exit codes (0 done, 1 failed, 2 usage error) come from picocli's annotations on the command
 * classes of this package. The commands only parse: each hands validated option records to a plain
 * Java API of the stack, a service or a tool.
 */
@Command(name = "waarom",
    versionProvider = VersionProvider.class,
    description = {
        "Waarom finds out why customers contact you: it classifies every chat, call and e-mail by "
            + "reason, spots spikes and new reasons, and shows them on a live board.",
        "Durations are written 90s, 5m, 2h, 7d or ISO-8601 (PT5M). Configuration comes from "
            + "WAAROM_* environment variables (waarom config lists them)."},
    subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, DlqCommand.class,
        QueryCommand.Insights.class, QueryCommand.Trends.class, QueryCommand.Contacts.class,
        EvalCommand.class, TrainSentimentCommand.class, ClassifyCommand.class,
        BacktestCommand.class, BenchCommand.class, GatewayKeyCommand.class, SchemasCommand.class, ConfigCommand.class, HelpCommand.class},
    footer = {
        "  waarom demo --for 5m",
        "  waarom help dlq list"})
public final class WaaromCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
      description = "Print this help and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  WaaromCommand() {}

  /** Runs the command {@code args} names and returns its exit code; never throws. */
  public static int execute(Terminal terminal, String... args) {
    return commandLine(terminal).execute(args);
  }

  /** The whole command tree, writing to and reading the environment of {@code terminal}. */
  public static CommandLine commandLine(Terminal terminal) {
    CommandLine cli = new CommandLine(WaaromCommand.class, new Factory(terminal));
    cli.registerConverter(Duration.class, new Converters.DurationConverter());
    cli.setOut(writer(terminal.out()));
    cli.setErr(writer(terminal.err()));
    cli.setParameterExceptionHandler((e, args) -> usageError(unknownFirst(e)));
    // declaration order: the options a user needs most come first
    everyCommand(cli, c -> c.getCommandSpec().usageMessage().sortOptions(false)
        .longOptionsMaxWidth(28).descriptionHeading("%n").parameterListHeading("%nParameters:%n")
        .optionListHeading("%nOptions:%n").commandListHeading("%nCommands:%n")
        .footerHeading("%nExamples:%n"));
    return cli;
  }

  /**
   * The error, picocli's suggestions when it has any ({@code --nope}: did you mean
   * {@code --no-corrections}?), and always the command's usage, on standard error; exit code 2.
   */
  private static int usageError(CommandLine.ParameterException e) {
    CommandLine failed = e.getCommandLine();
    java.io.PrintWriter err = failed.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    failed.usage(err, failed.getColorScheme());
    err.flush();
    return failed.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A misspelt option is the error to report, even when picocli stopped at a missing required
   * option first ({@code eval --nope} says {@code --nope} is unknown, not that {@code --train} is
   * missing).
   */
  private static CommandLine.ParameterException unknownFirst(CommandLine.ParameterException e) {
    CommandLine failed = e.getCommandLine();
    if (e instanceof CommandLine.UnmatchedArgumentException
        || failed.getUnmatchedArguments().isEmpty()) {
      return e;
    }
    return new CommandLine.UnmatchedArgumentException(failed, failed.getUnmatchedArguments());
  }

  /** Visits {@code root} and every subcommand under it, parents before children. */
  static void everyCommand(CommandLine root, java.util.function.Consumer<CommandLine> visitor) {
    visitor.accept(root);
    root.getSubcommands().values().forEach(sub -> everyCommand(sub, visitor));
  }

  /** Writes straight through to the stream: no buffer to lose when the process exits. */
  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) {
        stream.append(java.nio.CharBuffer.wrap(chars, offset, length));
      }

      @Override
      public void flush() {
        stream.flush();
      }

      @Override
      public void close() {
        stream.flush();
      }
    }, true);
  }

  /** Creates commands that take a {@link Terminal}, everything else the picocli way. */
  private record Factory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      Constructor<K> withTerminal;
      try {
        withTerminal = type.getDeclaredConstructor(Terminal.class);
      } catch (NoSuchMethodException none) {
        return CommandLine.defaultFactory().create(type);
      }
      return withTerminal.newInstance(terminal);
    }
  }
}

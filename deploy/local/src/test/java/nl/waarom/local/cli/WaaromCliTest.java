package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.waarom.local.ConfigurationReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command tree as a whole: help, usage errors and exit codes of every command. */
class WaaromCliTest {
  private final CliRun cli = new CliRun();

  /** Every command and subcommand, as the words that select it ({@code [dlq, list]}). */
  static Stream<Arguments> everyCommand() {
    List<Arguments> all = new ArrayList<>();
    for (CommandLine c : CliReference.commands(new CliRun().commandLine())) {
      List<String> path = new ArrayList<>();
      for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
        path.addFirst(p.getCommandName());
      }
      // what the command requires, so the unknown option is the only thing wrong
      List<String> required = new ArrayList<>();
      c.getCommandSpec().options().stream().filter(o -> o.required() && o.group() == null)
          .forEach(o -> required.addAll(List.of(o.longestName(), "x")));
      c.getCommandSpec().positionalParameters().stream().filter(p -> p.required())
          .forEach(p -> required.add("x"));
      all.add(Arguments.of(String.join(" ", path), c.getCommandSpec().options(), required));
    }
    return all.stream();
  }

  private static String[] words(String path, String... more) {
    Stream<String> head = path.isEmpty() ? Stream.empty() : Arrays.stream(path.split(" "));
    return Stream.concat(head, Arrays.stream(more)).toArray(String[]::new);
  }

  @ParameterizedTest(name = "waarom {0} --help")
  @MethodSource("everyCommand")
  void everyCommandAnswersHelpNamingItsOptions(String path, List<OptionSpec> options,
      List<String> required) {
    assertThat(cli.execute(words(path, "--help"))).as(cli.err()).isZero();
    String usage = cli.out();
    assertThat(usage).startsWith(("Usage: waarom " + path).strip());
    assertThat(options).isNotEmpty().allSatisfy(o -> assertThat(usage).contains(o.longestName()));
    assertThat(cli.err()).isEmpty();
    if (!path.isEmpty()) {
      assertThat(cli.execute(words("help " + path))).isZero();
      assertThat(cli.out()).isEqualTo(usage);
    }
  }

  @ParameterizedTest(name = "waarom {0} --nope")
  @MethodSource("everyCommand")
  void everyCommandRefusesAnUnknownOptionNamingIt(String path, List<OptionSpec> options,
      List<String> required) {
    List<String> args = new ArrayList<>(required);
    args.add("--nope");
    assertThat(cli.execute(words(path, args.toArray(String[]::new))))
        .isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(cli.err()).contains("'--nope'").contains("Usage: waarom");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsNamedBeforeMissingRequiredOnes() {
    assertThat(cli.execute("eval", "--nope")).isEqualTo(2);
    assertThat(cli.err()).startsWith("Unknown option: '--nope'").contains("Usage: waarom eval");
    assertThat(cli.execute("replay", "--fiel", "a.jsonl")).isEqualTo(2);
    assertThat(cli.err()).contains("'--fiel'", "Possible solutions: --file");
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(cli.execute("help")).isZero();
    assertThat(cli.out()).contains("demo", "run", "replay", "dlq", "eval", "classify", "bench",
        "config", "help");
    assertThat(cli.execute("--help")).isZero();
    assertThat(cli.execute("-h")).isZero();
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(cli.out()).contains("classify", "insights", "redaction");
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required subcommand", "Usage: waarom");
    assertThat(cli.execute("dance")).isEqualTo(2);
    assertThat(cli.err()).contains("'dance'");
    assertThat(cli.execute("bench", "fly")).isEqualTo(2);
    assertThat(cli.err()).contains("'fly'", "Usage: waarom bench");
    assertThat(cli.execute("bench")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required subcommand", "classify", "insights",
        "redaction");
    assertThat(cli.execute("dlq", "purge")).isEqualTo(2);
    assertThat(cli.err()).contains("'purge'");
    assertThat(cli.execute("help", "dance")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown command: 'dance'");
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(cli.execute("demo", "--for", "soon")).isEqualTo(2);
    assertThat(cli.err()).contains("'--for'", "'soon'");
    assertThat(cli.execute("demo", "--rate", "1000")).isEqualTo(2);
    assertThat(cli.err()).contains("'--rate'", "outside", "WAAROM_DEMO_RATE");
    assertThat(cli.execute("demo", "--for")).isEqualTo(2);
    assertThat(cli.err()).contains("'--for'");
    assertThat(cli.execute("replay", "--file", "a", "--rate", "-1")).isEqualTo(2);
    assertThat(cli.err()).contains("'--rate'", "'-1'");
    assertThat(cli.execute("replay", "--file", "a", "--rate", "fast")).isEqualTo(2);
    assertThat(cli.err()).contains("'--rate'", "not a number: 'fast'");
    assertThat(cli.execute("dlq", "list", "--since", "yesterday")).isEqualTo(2);
    assertThat(cli.err()).contains("'--since'", "must be a duration ago");
    assertThat(cli.execute("dlq", "list", "--limit", "0")).isEqualTo(2);
    assertThat(cli.err()).contains("'--limit'");
    assertThat(cli.execute("dlq", "replay", "--offset", "0:x")).isEqualTo(2);
    assertThat(cli.err()).contains("'--offset'", "partition:offset");
    assertThat(cli.execute("eval", "--train", "a.csv", "--test", "b.csv", "--c", "-1")).isEqualTo(2);
    assertThat(cli.err()).contains("'--c'", "greater than 0");
    assertThat(cli.execute("eval", "--train", "a.csv", "--test", "b.csv", "--solver", "tree"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("'--solver'", "svm or logistic");
    assertThat(cli.execute("bench", "insights", "--per-week", "lots")).isEqualTo(2);
    assertThat(cli.err()).contains("'--per-week'", "'lots'");
    assertThat(cli.execute("bench", "redaction", "--messages", "0")).isEqualTo(2);
    assertThat(cli.err()).contains("'--messages'");
  }

  @Test
  void aRangeTheServiceRefusesIsAUsageErrorBeforeAnythingRuns() {
    // The insight benchmark's own validation answers, before any traffic is generated.
    assertThat(cli.execute("bench", "insights", "--days", "8")).isEqualTo(2);
    assertThat(cli.err()).contains("waarom bench insights: measured days must be 1 to 7",
        "Usage: waarom bench insights");
    assertThat(cli.out()).isEmpty();
    // ... and the catch-up benchmark's, before its broker starts.
    assertThat(cli.execute("bench", "catchup", "--days-warmup", "29")).isEqualTo(2);
    assertThat(cli.err()).contains("waarom bench catchup: warm-up days must be 0 to 28",
        "Usage: waarom bench catchup");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void unknownOptionIsRejectedBeforeAnythingStarts() {
    assertThat(cli.execute("demo", "--fast")).isEqualTo(2);
    assertThat(cli.err()).contains("'--fast'", "Usage: waarom demo");
    assertThat(cli.out()).isEmpty();
    assertThat(cli.execute("run", "--rate", "5")).as("the demo's options belong to the demo")
        .isEqualTo(2);
    assertThat(cli.err()).contains("'--rate'");
  }

  @Test
  void versionIsTheProjectVersion() {
    assertThat(cli.execute("--version")).isZero();
    assertThat(cli.out().strip()).matches("waarom \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void configPrintsTheConfigurationReference() {
    assertThat(cli.execute("config")).isZero();
    assertThat(cli.out()).isEqualTo(ConfigurationReference.markdown());
  }

  @Test
  void benchRedactionPrintsTheAgreedLastLine() {
    assertThat(cli.execute("bench", "redaction", "--messages", "200")).as(cli.err()).isZero();
    assertThat(cli.out().lines().reduce((a, b) -> b).orElseThrow())
        .matches("result: recall_min=\\d\\.\\d{3} precision_min=\\d\\.\\d{3}");
    assertThat(cli.out()).contains("messages: 200 generated (seed 42)");
  }

  @Test
  void parsingAloneRunsNothing() {
    assertThatThrownBy(() -> cli.commandLine().parseArgs("demo", "--for", "soon"))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--for");
  }
}

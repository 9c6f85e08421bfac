package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cli.md is the generated command-line reference, exactly. */
class CliDocumentedTest {
  private final CliRun cli = new CliRun();

  @Test
  void docsHoldTheGeneratedReference() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../../docs/cli.md").normalize();
    assertThat(doc).as("docs/cli.md exists: ./waarom help --markdown > docs/cli.md").exists();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as("docs/cli.md is out of date: ./waarom help --markdown > docs/cli.md")
        .isEqualTo(CliReference.markdown(cli.commandLine()));
  }

  @Test
  void helpMarkdownPrintsItAndCoversEveryCommand() {
    assertThat(cli.execute("help", "--markdown")).isZero();
    String md = cli.out();
    assertThat(md).isEqualTo(CliReference.markdown(cli.commandLine()));
    CliReference.commands(cli.commandLine()).forEach(c -> assertThat(md)
        .contains("\n## " + c.getCommandSpec().qualifiedName() + "\n")
        .contains(c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF).stripTrailing()));
    assertThat(md).contains("Examples:");
  }

  @Test
  void everyExampleInTheHelpIsACommandLineThatParses() {
    List<String> examples = new ArrayList<>();
    CliReference.commands(cli.commandLine()).forEach(c ->
        examples.addAll(List.of(c.getCommandSpec().usageMessage().footer())));
    assertThat(examples).hasSizeGreaterThan(20).allSatisfy(example -> {
      assertThat(example).startsWith("  waarom ");
      List<String> words = words(example.strip().replaceFirst(" > .*$", ""));
      assertThat(words.removeFirst()).isEqualTo("waarom");
      assertThatCode(() -> cli.commandLine().parseArgs(words.toArray(String[]::new)))
          .as(example).doesNotThrowAnyException();
    });
  }

  /** Splits a command line as a shell would, for the double quotes the examples use. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words;
  }
}

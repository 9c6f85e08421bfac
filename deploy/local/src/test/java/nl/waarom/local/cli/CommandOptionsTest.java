package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.waarom.analyzer.model.TrainOptions;
import nl.waarom.ingest.dlq.DeadLetterFilter;
import nl.waarom.ingest.dlq.DlqListOptions;
import nl.waarom.ingest.dlq.DlqReplayOptions;
import nl.waarom.ingest.replay.ReplayOptions;
import nl.waarom.local.LocalRun;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.InsightKind;
import nl.waarom.tools.bench.CatchupBench;
import nl.waarom.tools.bench.ClassifyBench;
import nl.waarom.tools.bench.InsightScenario;
import nl.waarom.tools.bench.PipelineBench;
import nl.waarom.tools.eval.EvalOptions;
import nl.waarom.tools.eval.EvalTask;
import nl.waarom.tools.query.OutputFormat;
import nl.waarom.tools.query.Query;
import nl.waarom.tools.query.QueryFilter;
import nl.waarom.tools.query.QueryOptions;
import nl.waarom.tools.redaction.RedactionBench;
import nl.waarom.tools.sentiment.TrainSentiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command turns its command line into the service's option record, as documented. */
class CommandOptionsTest {
  private final CliRun cli = new CliRun();

  @Test
  void runAndDemo() {
    assertThat(cli.parsed(RunCommand.class, "run").options())
        .isEqualTo(new LocalRun.Options(false, null, false, null, null));
    assertThat(cli.parsed(DemoCommand.class, "demo").options())
        .isEqualTo(new LocalRun.Options(true, null, false, null, null));
    assertThat(cli.parsed(DemoCommand.class, "demo", "--for", "5m", "--reset").options())
        .isEqualTo(new LocalRun.Options(true, Duration.ofMinutes(5), true, null, null));
    assertThat(cli.parsed(DemoCommand.class, "demo", "--rate", "10", "--incident-after=90s")
        .options()).isEqualTo(new LocalRun.Options(true, null, false, 10.0,
        Duration.ofSeconds(90)));
    assertThat(cli.parsed(RunCommand.class, "run", "--reset", "--for", "PT2H").options())
        .isEqualTo(new LocalRun.Options(false, Duration.ofHours(2), true, null, null));
  }

  @Test
  void replayTakesBothArgumentForms() {
    assertThat(cli.parsed(ReplayCommand.class, "replay", "--file", "a.jsonl", "--rate", "2.5")
        .options()).isEqualTo(new ReplayOptions(Path.of("a.jsonl"), 2.5));
    assertThat(cli.parsed(ReplayCommand.class, "replay", "--rate=0", "--file=b.jsonl").options())
        .isEqualTo(new ReplayOptions(Path.of("b.jsonl"), 0));
    assertThat(cli.parsed(ReplayCommand.class, "replay", "--file", "c.jsonl").options().rate())
        .isZero();
  }

  @Test
  void replayUsageErrorsAndAMissingFile(@TempDir Path dir) {
    assertThat(cli.execute("replay", "--rate", "5")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required option: '--file=FILE'", "Usage: waarom replay");
    assertThat(cli.out()).isEmpty();
    assertThat(cli.execute("replay", "--file")).isEqualTo(2);
    assertThat(cli.err()).contains("'--file'");
    assertThat(cli.execute("replay", "--file", "a", "--fiel", "b")).isEqualTo(2);
    assertThat(cli.err()).contains("'--fiel'");
    // parsed, then refused by the replay itself before Kafka is asked
    assertThat(cli.execute("replay", "--file", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("not a readable file");
  }

  @Test
  void dlqListSelectsAndLimits() {
    assertThat(cli.parsed(DlqCommand.ListLetters.class, "dlq", "list").options())
        .isEqualTo(new DlqListOptions(DeadLetterFilter.all(), 100));
    DlqListOptions o = cli.parsed(DlqCommand.ListLetters.class, "dlq", "list", "--since",
        "2025-11-24T10:00:00Z", "--source", " gateway ", "--limit=5").options();
    assertThat(o).isEqualTo(new DlqListOptions(new DeadLetterFilter(
        Instant.parse("2025-11-24T10:00:00Z"), "gateway", List.of()), 5));
    Instant since = cli.parsed(DlqCommand.ListLetters.class, "dlq", "list", "--since", "2h")
        .options().filter().since();
    assertThat(Duration.between(since, Instant.now())).isBetween(Duration.ofMinutes(119),
        Duration.ofMinutes(121));
  }

  @Test
  void sinceIsAnInstantOrADurationAgo() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T12:00:00Z"), ZoneOffset.UTC);
    Converters.SinceConverter since = new Converters.SinceConverter(clock);
    assertThat(since.convert("90m")).isEqualTo(Instant.parse("2026-01-02T10:30:00Z"));
    assertThat(since.convert("2d")).isEqualTo(Instant.parse("2025-12-31T12:00:00Z"));
    assertThat(since.convert("2025-11-24T10:00:00Z")).isEqualTo(Instant.parse("2025-11-24T10:00:00Z"));
  }

  @Test
  void dlqReplayNeedsExactlyOneOfOffsetAndAll() {
    assertThat(cli.parsed(DlqCommand.ReplayLetters.class, "dlq", "replay", "--all", "--dry-run")
        .options()).isEqualTo(new DlqReplayOptions(DeadLetterFilter.all(), true));
    assertThat(cli.parsed(DlqCommand.ReplayLetters.class, "dlq", "replay", "--offset", "17,1:3",
        "--offset", "2:9", "--source", "replay").options())
        .isEqualTo(new DlqReplayOptions(new DeadLetterFilter(null, "replay",
            List.of("0:17", "1:3", "2:9")), false));

    assertThat(cli.execute("dlq", "replay")).isEqualTo(2);
    assertThat(cli.err()).contains("--offset", "--all", "Usage: waarom dlq replay");
    assertThat(cli.execute("dlq", "replay", "--all", "--offset", "0:1")).isEqualTo(2);
    assertThat(cli.err()).contains("mutually exclusive");
    assertThat(cli.execute("dlq", "list", "--all")).as("list takes no replay options")
        .isEqualTo(2);
    assertThat(cli.err()).contains("'--all'");
  }

  @Test
  void dlqHelpNamesBothSubcommands() {
    assertThat(cli.execute("dlq", "--help")).isZero();
    assertThat(cli.out()).contains("Usage: waarom dlq", "list", "replay");
    assertThat(cli.execute("dlq")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required subcommand");
  }

  @Test
  void queriesSelectByTimeReasonChannelAndKind() {
    assertThat(cli.parsed(QueryCommand.Insights.class, "insights").options())
        .isEqualTo(new QueryOptions(Query.INSIGHTS, QueryFilter.all(), OutputFormat.TABLE, false,
            false));
    assertThat(cli.parsed(QueryCommand.Insights.class, "insights", "--since",
        "2026-03-01T00:00:00Z", "--until=2026-03-08T00:00:00Z", "--kind", "spike,Emerging-Reason",
        "--reason", "payment-problem", "--reason", " delivery-late", "--channel", "CHAT,email",
        "--format", "CSV", "--every-record").options())
        .isEqualTo(new QueryOptions(Query.INSIGHTS, new QueryFilter(
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"),
            Set.of("payment-problem", "delivery-late"), Set.of(Channel.CHAT, Channel.EMAIL),
            Set.of(InsightKind.SPIKE, InsightKind.EMERGING_REASON), null), OutputFormat.CSV,
            false, true));
    assertThat(cli.parsed(QueryCommand.Trends.class, "trends", "--format", "jsonl").options())
        .isEqualTo(new QueryOptions(Query.TRENDS, new QueryFilter(null, null, Set.of(), Set.of(),
            Set.of(), 60), OutputFormat.JSONL, false, false));
    assertThat(cli.parsed(QueryCommand.Trends.class, "trends", "--minutes", "15").options()
        .filter().windowMinutes()).isEqualTo(15);
    QueryOptions contacts = cli.parsed(QueryCommand.Contacts.class, "contacts", "--since", "2h",
        "--follow").options();
    assertThat(contacts.follow()).isTrue();
    assertThat(Duration.between(contacts.filter().since(), Instant.now()))
        .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
  }

  @Test
  void queryUsageErrorsNameTheOption() {
    assertThat(cli.execute("insights", "--kind", "outage")).isEqualTo(2);
    assertThat(cli.err()).contains("'--kind'", "spike, emerging-reason, repeat-hotspot, other");
    assertThat(cli.execute("contacts", "--channel", "fax")).isEqualTo(2);
    assertThat(cli.err()).contains("'--channel'", "chat, call, email, other");
    assertThat(cli.execute("trends", "--format", "xml")).isEqualTo(2);
    assertThat(cli.err()).contains("'--format'", "table, jsonl, csv");
    assertThat(cli.execute("trends", "--minutes", "5")).isEqualTo(2);
    assertThat(cli.err()).contains("window minutes must be 1, 15 or 60");
    assertThat(cli.execute("contacts", "--since", "1h", "--until", "2h")).isEqualTo(2);
    assertThat(cli.err()).contains("--since", "must be before --until");
    assertThat(cli.execute("insights", "--follow", "--until", "1h")).isEqualTo(2);
    assertThat(cli.err()).contains("cannot stop at --until");
    assertThat(cli.execute("contacts", "--kind", "spike")).as("only insights have a kind")
        .isEqualTo(2);
    assertThat(cli.err()).contains("Unknown options: '--kind'");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void evalRepeatsTrainAndDefaultsAsDocumented() {
    EvalOptions o = cli.parsed(EvalCommand.class, "eval", "--train", "a.csv", "--train", "b.csv",
        "--test", "c.csv", "--unknown-label", "oos").options();
    TrainOptions defaults = TrainOptions.defaults();
    assertThat(o).isEqualTo(new EvalOptions(List.of(Path.of("a.csv"), Path.of("b.csv")),
        Path.of("c.csv"), "text", "label", defaults.withUnknownLabel("oos"), 5));
    EvalOptions tuned = cli.parsed(EvalCommand.class, "eval", "--train", "a.csv", "--test",
        "c.csv", "--solver", "LR", "--c", "0.5", "--seconds", "1", "--text-column", "utterance",
        "--label-column", "intent").options();
    assertThat(tuned.training()).isEqualTo(defaults.withSolver(TrainOptions.Solver.LOGISTIC, 0.5));
    assertThat(List.of(tuned.textColumn(), tuned.labelColumn(), "" + tuned.seconds()))
        .containsExactly("utterance", "intent", "1");
    assertThat(tuned.redact()).isFalse();
    assertThat(cli.parsed(EvalCommand.class, "eval", "--train", "a.csv", "--test", "c.csv",
        "--redact").options().redact()).isTrue();
  }

  @Test
  void evalSentimentNeedsNoTrainingFileAndAddsTheBuiltInLines() {
    EvalOptions shipped = cli.parsed(EvalCommand.class, "eval", "--task", "sentiment", "--test",
        "c.csv").options();
    assertThat(shipped.task()).isEqualTo(EvalTask.SENTIMENT);
    assertThat(shipped.train()).isEmpty();
    assertThat(shipped.builtIn()).isTrue();
    EvalOptions own = cli.parsed(EvalCommand.class, "eval", "--task", "Sentiment", "--train",
        "a.csv", "--train", "a.csv", "--test", "c.csv", "--without-built-in").options();
    assertThat(own.train()).containsExactly(Path.of("a.csv"), Path.of("a.csv"));
    assertThat(own.builtIn()).isFalse();
    assertThat(cli.parsed(EvalCommand.class, "eval", "--train", "a.csv", "--test", "c.csv")
        .options().task()).isEqualTo(EvalTask.REASONS);
    assertThat(cli.execute("eval", "--task", "mood", "--test", "c.csv")).isEqualTo(2);
    assertThat(cli.err()).contains("must be reasons or sentiment: 'mood'");
    assertThat(cli.execute("eval", "--test", "c.csv")).isEqualTo(2);
    assertThat(cli.err()).contains("at least one training file is needed");
  }

  @Test
  void trainSentimentNeedsTheDataFolderAndTheOutputFile() {
    assertThat(cli.parsed(TrainSentimentCommand.class, "train-sentiment", "--data", "d", "--out",
        "m.bin.gz").options()).isEqualTo(new TrainSentiment.Options(Path.of("d"),
        Path.of("m.bin.gz")));
    assertThat(cli.execute("train-sentiment", "--out", "m.bin.gz")).isEqualTo(2);
    assertThat(cli.err()).contains("--data");
  }

  @Test
  void evalUsageErrorsAndUnreadableFiles(@TempDir Path dir) {
    assertThat(cli.execute("eval")).isEqualTo(2);
    assertThat(cli.err()).contains("--train", "--test", "Usage: waarom eval");
    assertThat(cli.execute("eval", "--train", "a.csv", "--test", "b.csv", "--frobnicate", "x"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("'--frobnicate'");
    assertThat(cli.execute("eval", "--train", "a.csv", "--test")).isEqualTo(2);
    assertThat(cli.err()).contains("'--test'");
    assertThat(cli.execute("eval", "--train", dir.resolve("missing.csv").toString(), "--test",
        "b.csv")).isEqualTo(2);
    assertThat(cli.out()).contains("missing.csv").doesNotContain("Usage:");
  }

  @Test
  void benchmarksDefaultToTheirDocumentedRuns() {
    assertThat(cli.parsed(BenchCommand.Classify.class, "bench", "classify").options())
        .isEqualTo(ClassifyBench.Options.defaults());
    assertThat(cli.parsed(BenchCommand.Classify.class, "bench", "classify", "--threads", "4",
        "--extra-rules", "0", "--bytes", "512", "--seconds", "3", "--warmup", "0").options())
        .isEqualTo(new ClassifyBench.Options(4, 0, 512, 3, 0));
    assertThat(cli.parsed(BenchCommand.Insights.class, "bench", "insights").options())
        .isEqualTo(InsightScenario.Options.defaults());
    assertThat(cli.parsed(BenchCommand.Insights.class, "bench", "insights", "--weeks-warmup", "0",
        "--per-week", "10000", "--seed", "5", "--days", "1").options())
        .isEqualTo(new InsightScenario.Options(0, 10_000, 5, 1));
    assertThat(cli.parsed(BenchCommand.Catchup.class, "bench", "catchup").options())
        .isEqualTo(CatchupBench.Options.defaults());
    assertThat(cli.parsed(BenchCommand.Catchup.class, "bench", "catchup", "--per-week", "6000",
        "--days-warmup", "0", "--days", "1", "--partitions", "3", "--threads", "1", "--quiet",
        "10s", "--timeout", "2m").options()).isEqualTo(new CatchupBench.Options(6000, 42, 0, 1,
        3, 1, Duration.ofSeconds(10), Duration.ofMinutes(2)));
    assertThat(cli.parsed(BenchCommand.Pipeline.class, "bench", "pipeline").options())
        .isEqualTo(PipelineBench.Options.defaults());
    assertThat(cli.parsed(BenchCommand.Pipeline.class, "bench", "pipeline", "--rates", "100,300",
        "--step", "30s", "--warmup", "5s", "--drain", "20s", "--seed", "7").options())
        .isEqualTo(new PipelineBench.Options(List.of(100, 300), Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(20), 7));
    assertThat(cli.parsed(BenchCommand.Redaction.class, "bench", "redaction").options())
        .isEqualTo(RedactionBench.Options.defaults());
    assertThat(cli.parsed(BenchCommand.Redaction.class, "bench", "redaction", "--messages", "700",
        "--seed", "3").options()).isEqualTo(new RedactionBench.Options(700, 3));
  }

  @Test
  void classifyNeedsAText() {
    assertThat(cli.execute("classify")).isEqualTo(2);
    assertThat(cli.err()).contains("TEXT", "Usage: waarom classify");
    assertThat(cli.execute("classify", " ")).isEqualTo(2);
    assertThat(cli.err()).contains("the text is empty");
    assertThat(cli.parsed(ClassifyCommand.class, "classify", "hallo", "mijn pakket").contact()
        .getTurns()).extracting(t -> t.getText()).containsExactly("hallo", "mijn pakket");
  }

  @Test
  void classifyPrintsTheSentimentOfEveryTurn() {
    assertThat(cli.execute("classify", "De betaallink werkt niet, echt belachelijk",
        "Top, het werkt weer, heel erg bedankt!")).isZero();
    assertThat(cli.out()).contains("payment-problem", "sentiment per turn:",
        "  [0] customer negative",
        "  [1] customer positive",
        "customer: negative at the start, positive at the end: not a negative contact");
  }

  @Test
  void classifyWithASubjectIsAnEmail() {
    var chat = cli.parsed(ClassifyCommand.class, "classify", "hallo").contact();
    assertThat(chat.getChannel()).isEqualTo(nl.waarom.schemas.Channel.CHAT);
    assertThat(chat.getSubject()).isNull();

    var email = cli.parsed(ClassifyCommand.class, "classify", "--subject", "Opzeggen", " ")
        .contact();
    assertThat(email.getChannel()).isEqualTo(nl.waarom.schemas.Channel.EMAIL);
    assertThat(email.getSubject()).isEqualTo("Opzeggen");
    assertThat(cli.execute("classify", "--subject", "Opzeggen", "Zie onderwerp")).isZero();
    assertThat(cli.out()).contains("cancel-subscription", "\"Opzeggen\" [subject:0-8]");
  }
}

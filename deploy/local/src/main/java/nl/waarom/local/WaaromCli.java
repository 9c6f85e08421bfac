package nl.waarom.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.waarom.tools.bench.ClassifyBench;
import nl.waarom.tools.bench.InsightBench;
import nl.waarom.analyzer.classify.ClassifyMain;
import nl.waarom.tools.eval.EvalMain;
import nl.waarom.platform.Config;
import nl.waarom.platform.Parsers;
import nl.waarom.ingest.dlq.DlqMain;
import nl.waarom.tools.redaction.RedactionBench;
import nl.waarom.ingest.replay.ReplayMain;
import nl.waarom.local.demo.DemoDriver;

/**
 * The {@code ./waarom} command: {@code run} starts the embedded stack, {@code demo} starts it and
 * feeds the demo scenario, {@code replay} publishes a JSONL file of contacts, {@code dlq} lists and
 * replays dead letters, {@code bench} measures classification and redaction.
 */
public final class WaaromCli {
  static final String USAGE = """
      usage: ./waarom <command> [options]

        demo  [--for DURATION] [--reset] [--rate N] [--incident-after DURATION]
              start the embedded stack and feed a realistic scenario with an incident
        run   [--for DURATION] [--reset]
              start the embedded stack (Kafka, PostgreSQL, gateway, analyzer, sink) and wait
        replay --file FILE.jsonl [--rate N]
              publish a JSONL file of contacts to a running stack
        dlq list [--since 2h] [--source SOURCE] [--limit N]
              print dead letters: address, time, source, origin, size, error
        dlq replay [--source SOURCE] (--offset P:O[,P:O] | --all) [--dry-run]
              re-submit dead letters' original bytes to where they came from, after a fix
        eval --train TRAIN.csv --test TEST.csv [--text-column text] [--label-column label]
             [--unknown-label oos]
              train the reason model on a labelled CSV and print accuracy, macro-F1,
              out-of-scope precision/recall, training time and throughput
        classify "TEXT" ["MORE TEXT" ...]
              classify what a customer said: reasons, confidence, source (RULE/MODEL), evidence
        bench classify [--threads 2] [--extra-rules 500] [--bytes 2048] [--seconds 20]
              throughput and p99 latency of the whole classification step (rules + model)
        bench redaction [--messages 5000] [--seed 42]
              recall and precision of PII redaction per type on generated messages
        bench insights [--weeks-warmup 2] [--per-week 60000] [--seed 42] [--days 7]
              replay generated weeks of traffic with injected surges and a new reason through
              the analyzer topology; print detection delays, false spikes, share explained
        config
              print every configuration variable of every service (Markdown)
        help  this text

      Durations: 90s, 5m, 2h. Configuration: WAAROM_* environment variables (see README.md).
      """;

  private WaaromCli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    return switch (command) {
      case "demo", "run" -> stack(command.equals("demo"), rest, out);
      case "replay" -> ReplayMain.run(rest, System.getenv(), out, System.err);
      case "dlq" -> DlqMain.run(rest, System.getenv(), out, System.err);
      case "eval" -> EvalMain.run(rest, out);
      case "classify" -> ClassifyMain.run(rest, out);
      case "bench" -> bench(rest, out);
      case "config" -> {
        out.print(ConfigurationReference.markdown());
        yield 0;
      }
      default -> {
        out.println("unknown command: " + command);
        out.print(USAGE);
        yield 2;
      }
    };
  }

  private static int bench(String[] args, PrintStream out) throws InterruptedException {
    String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    if (args.length > 0 && args[0].equals("classify")) {
      return ClassifyBench.run(rest, out);
    }
    if (args.length > 0 && args[0].equals("redaction")) {
      return RedactionBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("insights")) {
      return InsightBench.run(rest, out);
    }
    out.println("usage: bench classify|insights|redaction [options]   (the benchmarks: classify,"
        + " insights, redaction)");
    return 2;
  }

  private static int stack(boolean demo, String[] args, PrintStream out) throws Exception {
    Map<String, String> overrides = new HashMap<>();
    Duration runFor = null;
    boolean reset = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reset" -> reset = true;
        case "--for" -> runFor = Parsers.duration(value(args, ++i, "--for"));
        case "--rate" -> overrides.put(LocalSettings.DEMO_RATE.env(), value(args, ++i, "--rate"));
        case "--incident-after" ->
            overrides.put(LocalSettings.DEMO_INCIDENT_AFTER.env(), value(args, ++i, "--incident-after"));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    Map<String, String> env = Config.environment(overrides);
    Config config = Config.load(LocalSettings.all(), env);
    if (reset) {
      wipe(Path.of(config.get(LocalSettings.DATA_DIR)));
      out.println("reset: wiped " + Path.of(config.get(LocalSettings.DATA_DIR)).toAbsolutePath());
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C: release the main thread, then keep the JVM alive until it has closed everything.
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(stopped, Duration.ofSeconds(60));
    }, "waarom-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (LocalStack stack = LocalStack.start(env)) {
      DemoDriver driver = demo ? new DemoDriver(stack.gatewayUri(), plan(config), Clock.systemUTC()).start() : null;
      try (StatusPrinter status = new StatusPrinter(stack, driver, out)) {
        status.banner();
        boolean timedOut = runFor == null ? waitForever(stop) : !stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
        status.line();
        out.println(timedOut ? "time is up, stopping" : "stopping");
      } finally {
        if (driver != null) {
          driver.close();
        }
      }
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting because of Ctrl-C; the hook has released us
      }
    }
    out.println("stopped cleanly");
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean waitForever(CountDownLatch stop) throws InterruptedException {
    stop.await();
    return false;
  }

  private static DemoDriver.Plan plan(Config config) {
    return new DemoDriver.Plan(config.get(LocalSettings.DEMO_RATE),
        config.get(LocalSettings.DEMO_INCIDENT_AFTER), config.get(LocalSettings.DEMO_INCIDENT_DURATION),
        config.get(LocalSettings.DEMO_INCIDENT_RATE), config.get(LocalSettings.DEMO_SEED));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe " + dir, e);
    }
  }
}

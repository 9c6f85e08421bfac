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
import nl.waarom.local.demo.DemoDriver;
import nl.waarom.platform.Config;

/**
 * {@code ./waarom run} and {@code ./waarom demo}: starts the embedded stack ({@link LocalStack}),
 * for the demo also the {@link DemoDriver} feeding the gateway, prints a status line now and then,
 * and stops everything cleanly on Ctrl-C or when the time is up.
 */
public final class LocalRun {
  /**
   * What to run. Immutable.
   *
   * @param demo          feed the demo scenario
   * @param runFor        stop after this long; null to run until Ctrl-C
   * @param reset         wipe the data folder ({@code WAAROM_DATA_DIR}) first
   * @param demoRate      normal demo traffic per second, overriding {@code WAAROM_DEMO_RATE}; may
   *                      be null
   * @param incidentAfter when the demo's incident starts, overriding
   *                      {@code WAAROM_DEMO_INCIDENT_AFTER}; may be null
   */
  public record Options(boolean demo, Duration runFor, boolean reset, Double demoRate,
      Duration incidentAfter) {
    public Options {
      if (runFor != null && (runFor.isNegative() || runFor.isZero())) {
        throw new IllegalArgumentException("the run time must be positive: " + runFor);
      }
      if (!demo && (demoRate != null || incidentAfter != null)) {
        throw new IllegalArgumentException("the demo rate and incident apply to the demo only");
      }
    }

    /** The environment variables these options override. */
    Map<String, String> overrides() {
      Map<String, String> overrides = new HashMap<>();
      if (demoRate != null) {
        overrides.put(LocalSettings.DEMO_RATE.env(), demoRate.toString());
      }
      if (incidentAfter != null) {
        overrides.put(LocalSettings.DEMO_INCIDENT_AFTER.env(), incidentAfter.toString());
      }
      return overrides;
    }
  }

  private LocalRun() {}

  /**
   * Runs the stack until Ctrl-C or {@link Options#runFor()} and returns 0.
   *
   * @param env the environment ({@code WAAROM_*} settings) the options are laid over
   * @throws Config.ConfigException naming every bad setting, before anything starts
   */
  public static int run(Options options, Map<String, String> env, PrintStream out)
      throws InterruptedException {
    Map<String, String> effective = new HashMap<>(env);
    effective.putAll(options.overrides());
    Config config = Config.load(LocalSettings.all(), effective);
    if (options.reset()) {
      Path data = Path.of(config.get(LocalSettings.DATA_DIR));
      wipe(data);
      out.println("reset: wiped " + data.toAbsolutePath());
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C: release the main thread, then keep the JVM alive until it has closed everything.
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(stopped, Duration.ofSeconds(60));
    }, "waarom-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (LocalStack stack = LocalStack.start(effective)) {
      DemoDriver driver = options.demo()
          ? new DemoDriver(stack.gatewayUri(), stack.keys().demo(), plan(config),
              Clock.systemUTC()).start() : null;
      try (StatusPrinter status = new StatusPrinter(stack, driver, out)) {
        status.banner();
        Duration runFor = options.runFor();
        boolean timedOut = runFor == null ? waitForever(stop)
            : !stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
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

  /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
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

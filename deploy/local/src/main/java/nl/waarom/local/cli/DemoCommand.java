package nl.waarom.local.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import nl.waarom.local.LocalRun;
import nl.waarom.local.LocalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom demo}: the stack fed with the demo scenario ({@link LocalRun}). */
@Command(name = "demo",
    description = {"Start the embedded stack and feed it a realistic demo scenario.",
        "Customer contacts arrive at a steady rate; after a while an incident (a broken payment "
            + "link in a marketing e-mail) makes one reason surge. Ctrl-C stops everything "
            + "cleanly.",
        "Board: http://localhost:8080 (this machine only); open the one-time sign-in link it "
            + "prints to change items."},
    footer = {"  waarom demo", "  waarom demo --for 5m", "  waarom demo --reset --rate 10 "
        + "--incident-after 60s"})
final class DemoCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;
  @Mixin StackOptions stack;

  @Option(names = "--rate", paramLabel = "N", converter = Converters.PositiveNumber.class,
      description = "Normal demo traffic in contacts per second, 0.1 to 500 (default: "
          + "WAAROM_DEMO_RATE, else 4).")
  Double rate;

  @Option(names = "--incident-after", paramLabel = "DURATION",
      description = "When the incident starts after the demo starts (default: "
          + "WAAROM_DEMO_INCIDENT_AFTER, else 150s).")
  Duration incidentAfter;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  LocalRun.Options options() {
    Double checkedRate = rate == null ? null
        : Checks.setting(spec, "--rate", LocalSettings.DEMO_RATE, rate.toString());
    return Checks.valid(spec, () -> new LocalRun.Options(true, stack.runFor, stack.reset,
        checkedRate, incidentAfter));
  }

  @Override
  public Integer call() throws InterruptedException {
    return stack.run(spec, terminal, options());
  }
}

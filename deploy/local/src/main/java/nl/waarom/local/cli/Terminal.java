package nl.waarom.local.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command writes and which environment it reads, so tests run commands in memory.
 *
 * @param out results; never null
 * @param err errors and usage errors; never null
 * @param env the {@code WAAROM_*} configuration; never null
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env) {
  public Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
  }

  /** This process's standard output, standard error and environment. */
  public static Terminal system() {
    return new Terminal(System.out, System.err, System.getenv());
  }
}

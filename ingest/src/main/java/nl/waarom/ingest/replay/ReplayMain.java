package nl.waarom.ingest.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import nl.waarom.platform.Config;

/**
 * Command-line entry of the {@link Replay}: prints {@code replayed=N dead_lettered=M elapsed_s=...}
 * and exits 0 on success, 2 on bad arguments or configuration, 1 when the file cannot be read or
 * Kafka fails.
 */
public final class ReplayMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;

  private ReplayMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs a replay and returns the exit code; never throws for bad input. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ReplayOptions options;
    try {
      options = ReplayOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("replay: " + e.getMessage());
      err.println(ReplayOptions.USAGE);
      return BAD_ARGUMENTS;
    }
    if (options.help()) {
      out.println(ReplayOptions.USAGE);
      return OK;
    }
    if (!Files.isRegularFile(options.file()) || !Files.isReadable(options.file())) {
      err.println("replay: not a readable file: " + options.file());
      return BAD_ARGUMENTS;
    }
    try {
      out.println(Replay.run(options.file(), options.rate(), env).line());
      return OK;
    } catch (Config.ConfigException e) {
      err.println("replay: " + e.getMessage());
      return BAD_ARGUMENTS;
    } catch (IOException | ReplayException e) {
      err.println("replay failed: " + e.getMessage());
      return FAILED;
    }
  }
}

package nl.waarom.ingest.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.platform.KafkaAuthentication;

/**
 * The {@link Replay} as a command ({@code ./waarom replay}): prints
 * {@code replayed=N dead_lettered=M elapsed_s=...} and returns the exit code: 0 on success, 2 when
 * the file is not readable or the configuration is invalid, 1 when reading or Kafka fails. The
 * command line itself is parsed by the CLI, which hands over validated {@link ReplayOptions}.
 */
public final class ReplayMain {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;

  private ReplayMain() {}

  /** Runs a replay and returns the exit code; never throws for bad input or configuration. */
  public static int run(ReplayOptions options, Map<String, String> env, PrintStream out,
      PrintStream err) {
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
      String authentication = KafkaAuthentication.message(e);
      err.println("replay failed: " + (authentication != null ? authentication : e.getMessage()));
      return FAILED;
    }
  }
}

package nl.waarom.sink.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says: the PostgreSQL server that runs (or ran) on
 * it. PostgreSQL writes the file at start and removes it at a clean stop, so a file left behind
 * names either a server still running without its owner (an orphan) or one that died (stale).
 *
 * @param pid     process id of the postmaster
 * @param dataDir the data directory as the server wrote it; never null
 * @param port    TCP port, 0 when the file does not say yet
 */
public record PostmasterPid(long pid, String dataDir, int port) {
  /** Name of the lock file in a PostgreSQL data directory. */
  public static final String FILE_NAME = "postmaster.pid";

  /** The file of {@code dataDirectory}; empty when there is none or it is unreadable garbage. */
  public static Optional<PostmasterPid> read(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDirectory.resolve(FILE_NAME), e);
    }
    return parse(lines);
  }

  /** Parses the lines of a {@code postmaster.pid}: pid, data directory, start time, port, ... */
  static Optional<PostmasterPid> parse(List<String> lines) {
    if (lines.size() < 2) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(lines.get(0).strip());
      int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).strip()) : 0;
      return pid > 0 ? Optional.of(new PostmasterPid(pid, lines.get(1).strip(), port))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The live process this file names, if it is a PostgreSQL server; empty when stale. */
  public Optional<ProcessHandle> livePostgres() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(PostmasterPid::isPostgres);
  }

  /** Whether the process runs a binary called {@code postgres} (or {@code postgres.exe}). */
  static boolean isPostgres(ProcessHandle process) {
    return process.info().command()
        .map(c -> Path.of(c).getFileName().toString())
        .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
        // no command to look at: another user's process, so not a server this user started
        .orElse(false);
  }
}

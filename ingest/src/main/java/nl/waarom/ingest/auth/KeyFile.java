package nl.waarom.ingest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keys file ({@code WAAROM_GATEWAY_API_KEYS_FILE}) that is read again when it changes, so a key
 * is added or revoked without a restart. Whether it changed (modification time or size) is
 * checked at most once per {@link #CHECK_INTERVAL}, on the request that comes along, so a
 * revocation takes effect within about a second.
 *
 * <p>A file that no longer parses is refused with an error in the log naming the line, and the
 * keys read before stay in force until the file is fixed. A deleted file means no keys: every
 * request with one of its keys is then refused. Thread-safe.
 */
public final class KeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
  /** How often the file's modification time and size are looked at. */
  public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  /** No file: no keys, ever. */
  public static final KeyFile NONE = new KeyFile(null, () -> Long.MIN_VALUE);

  private final Path path;
  private final LongSupplier nanoTime;
  private volatile ApiKeys keys;
  private volatile long nextCheck;
  private String version;

  private KeyFile(Path path, LongSupplier nanoTime) {
    this.path = path;
    this.nanoTime = nanoTime;
    this.keys = ApiKeys.NONE;
    this.nextCheck = Long.MAX_VALUE;
  }

  /**
   * Reads the file for the first time.
   *
   * @throws IllegalArgumentException when it cannot be read or does not parse
   */
  public static KeyFile open(Path path) {
    return open(path, System::nanoTime);
  }

  static KeyFile open(Path path, LongSupplier nanoTime) {
    KeyFile file = new KeyFile(Objects.requireNonNull(path), nanoTime);
    try {
      file.version = versionOf(path);
      file.keys = read(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + path, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
    }
    file.nextCheck = nanoTime.getAsLong() + CHECK_INTERVAL.toNanos();
    return file;
  }

  /** The file; null for {@link #NONE}. */
  public Path path() {
    return path;
  }

  /** The keys in force now; reads the file again first when it changed. Never null. */
  public ApiKeys keys() {
    if (path != null && nanoTime.getAsLong() - nextCheck >= 0) {
      refresh();
    }
    return keys;
  }

  /** The path and the names of its keys, for the start-up log. */
  @Override
  public String toString() {
    return path == null ? "none" : path + " (" + keys + ")";
  }

  private synchronized void refresh() {
    long now = nanoTime.getAsLong();
    if (now - nextCheck < 0) {
      return; // another thread just did
    }
    nextCheck = now + CHECK_INTERVAL.toNanos();
    String current;
    try {
      current = versionOf(path);
    } catch (NoSuchFileException e) {
      if (!keys.isEmpty()) {
        LOG.warn("API keys file {} is gone: no key of it is accepted any more", path);
      }
      keys = ApiKeys.NONE;
      version = null;
      return;
    } catch (IOException e) {
      LOG.error("Cannot look at API keys file {} ({}); keeping the keys read before", path,
          e.toString());
      return;
    }
    if (current.equals(version)) {
      return;
    }
    version = current;
    try {
      keys = read(path);
      LOG.info("API keys file {} changed; now {}", path, keys);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      LOG.error("API keys file {} changed but is not valid ({}); keeping the keys read before",
          path, e.getMessage());
    }
  }

  private static String versionOf(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
  }

  private static ApiKeys read(Path path) throws IOException {
    return ApiKeys.parseFile(Files.readAllLines(path, StandardCharsets.UTF_8));
  }
}

package nl.waarom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.gateway.GatewaySettings;

/**
 * The API keys of the embedded stack's gateway. The stack's own clients get a fresh random key at
 * every start, known only in memory: {@value #DEMO} (the demo generator) and {@value #BENCH} (the
 * pipeline benchmark), both without a rate limit so the demo and the benchmark measure the
 * pipeline, not the limiter. For the user's own requests the stack keeps one key, {@value #USER},
 * in the file {@value #USER_KEY_FILE} of the data folder, readable by the user only: made at the
 * first start, kept across restarts (so scripts keep working) and replaced after {@code --reset}.
 * The gateway gets only the keys' hashes, added to any {@code WAAROM_GATEWAY_API_KEYS} the user
 * set. No key is ever logged.
 *
 * @param demo    the demo generator's key; never null
 * @param bench   the benchmark's key; never null
 * @param user    the user's key, as in {@link #userFile}; never null
 * @param userFile the file holding {@link #user}; never null
 */
public record StackKeys(String demo, String bench, String user, Path userFile) {
  public static final String DEMO = "demo";
  public static final String BENCH = "bench";
  public static final String USER = "local";
  /** The file in the data folder that holds the user's key. */
  public static final String USER_KEY_FILE = "gateway-api-key";

  /** Makes the stack's keys, reading or creating the user's key file in {@code dataDir}. */
  static StackKeys create(Path dataDir) {
    return new StackKeys(ApiKey.generate(), ApiKey.generate(), userKey(dataDir),
        dataDir.resolve(USER_KEY_FILE));
  }

  private static String userKey(Path dataDir) {
    Path file = dataDir.resolve(USER_KEY_FILE);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        String key = ApiKey.generate();
        Path fresh = Files.createTempFile(dataDir, USER_KEY_FILE, ".tmp");
        restrict(fresh);
        Files.writeString(fresh, key + "\n", StandardCharsets.UTF_8);
        try {
          Files.move(fresh, file);
        } catch (FileAlreadyExistsException raced) {
          Files.delete(fresh);
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the gateway key file " + file, e);
    }
  }

  private static void restrict(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** {@code env} with these keys' hashes added to {@code WAAROM_GATEWAY_API_KEYS}. */
  void addTo(Map<String, String> env) {
    String key = GatewaySettings.API_KEYS.env();
    List<String> entries = new ArrayList<>();
    String given = env.get(key);
    if (given != null && !given.isBlank()) {
      entries.add(given.strip());
    }
    entries.add(ApiKey.of(DEMO, demo, RateLimit.UNLIMITED).settingEntry());
    entries.add(ApiKey.of(BENCH, bench, RateLimit.UNLIMITED).settingEntry());
    entries.add(ApiKey.of(USER, user, null).settingEntry());
    env.put(key, String.join(",", entries));
  }

  /** Never the keys themselves. */
  @Override
  public String toString() {
    return "StackKeys[" + DEMO + ", " + BENCH + ", " + USER + " in " + userFile + "]";
  }
}

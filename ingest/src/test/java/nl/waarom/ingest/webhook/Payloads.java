package nl.waarom.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample webhook bodies from {@code src/test/resources/webhooks}. */
public final class Payloads {
  private Payloads() {}

  public static byte[] read(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test payload " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

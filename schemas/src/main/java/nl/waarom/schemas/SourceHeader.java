package nl.waarom.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Who wrote a contact: the name of the credential the gateway authenticated it with (an API key's
 * name, or a client certificate's common name). The gateway records it twice on every contact it
 * accepts on {@code POST /v1/contacts}: as the record header {@value #NAME} (UTF-8) and as the
 * contact's attribute {@value #ATTRIBUTE}, replacing any value the client sent, so a client cannot
 * claim to be another. Both travel with the contact wherever it is copied or replayed.
 */
public final class SourceHeader {
  /** The header's name. */
  public static final String NAME = "waarom.source";
  /** The key in {@link Contact#getAttributes()} that holds the same name. */
  public static final String ATTRIBUTE = "source";

  private SourceHeader() {}

  /** The header's value for {@code source}. */
  public static byte[] encode(String source) {
    return source.getBytes(StandardCharsets.UTF_8);
  }

  /** The source in {@code headers}; empty when absent. */
  public static Optional<String> read(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(NAME);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }
}

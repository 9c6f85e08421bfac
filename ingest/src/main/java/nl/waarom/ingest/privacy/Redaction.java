package nl.waarom.ingest.privacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of redacting one text: the text with placeholders, what was found where in the
 * original, and how many of each kind (for {@code waarom.gateway.redactions{type}}). Immutable.
 *
 * @param text the redacted text; null only when the input was null
 * @param spans the redacted spans of the original text, in text order; never null
 */
public record Redaction(String text, List<PiiSpan> spans) {
  public Redaction {
    spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
  }

  /** How many items of each kind were replaced; kinds not found are absent; never null. */
  public Map<PiiType, Integer> counts() {
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    spans.forEach(s -> counts.merge(s.type(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }
}

package nl.waarom.ingest.connect.spool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Speaker;

/**
 * Parses a JSON call transcript of this shape (every field but {@code segments} optional):
 *
 * <pre>{@code
 * {
 *   "contactId": "call-2026-0001",           // default: file name without extension
 *   "occurredAt": "2026-11-24T10:15:30Z",    // default: the file's modification time
 *   "customerId": "cust-42",                 // raw id, replaced by a keyed pseudonym
 *   "language": "nl", "queue": "billing",
 *   "segments": [
 *     {"speaker": "Agent", "start": 0.0, "text": "Goedemiddag, ..."},       // start in seconds
 *     {"speaker": "Klant", "startMillis": 4200, "text": "Ik bel over ..."}  // or milliseconds
 *   ]
 * }
 * }</pre>
 *
 * Speaker labels are mapped by {@link SpeakerLabels}; consecutive segments of one speaker are
 * merged. Errors name the segment. Thread-safe.
 */
public final class JsonTranscriptParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> META = List.of("contactId", "occurredAt", "customerId",
      "language", "queue");

  private final SpeakerLabels labels;

  public JsonTranscriptParser(SpeakerLabels labels) {
    this.labels = labels;
  }

  public Transcript parse(byte[] json) throws BadInputException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadInputException("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    } catch (java.io.IOException e) {
      throw new BadInputException("cannot read JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException("a JSON transcript must be an object with a segments array");
    }
    Map<String, String> meta = new HashMap<>();
    for (String key : META) {
      JsonNode v = root.get(key);
      if (v != null && !v.isNull()) {
        if (!v.isTextual()) {
          throw new BadInputException(key + ": must be a string");
        }
        meta.put(key, v.asText());
      }
    }
    JsonNode segments = root.get("segments");
    if (segments == null || !segments.isArray() || segments.isEmpty()) {
      throw new BadInputException("segments: must be a non-empty array");
    }
    List<Transcript.Segment> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      segment(segments.get(i), "segments[" + i + "]", out);
    }
    return new Transcript(meta, out);
  }

  private void segment(JsonNode s, String path, List<Transcript.Segment> out)
      throws BadInputException {
    if (!s.isObject()) {
      throw new BadInputException(path + ": must be an object");
    }
    JsonNode label = s.get("speaker");
    Speaker speaker = label != null && label.isTextual() ? labels.of(label.asText()) : null;
    if (speaker == null) {
      throw new BadInputException(path + ".speaker: must be a label in spool.labels.agent, "
          + "spool.labels.customer or spool.labels.bot");
    }
    JsonNode text = s.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw new BadInputException(path + ".text: must be a non-blank string");
    }
    long offset;
    if (s.hasNonNull("startMillis") && s.get("startMillis").canConvertToLong()
        && s.get("startMillis").asLong() >= 0) {
      offset = s.get("startMillis").asLong();
    } else if (s.hasNonNull("start") && s.get("start").isNumber() && s.get("start").asDouble() >= 0) {
      offset = Math.round(s.get("start").asDouble() * 1000);
    } else if (!s.has("start") && !s.has("startMillis")) {
      offset = 0;
    } else {
      throw new BadInputException(path + ": start (seconds) or startMillis must be a number >= 0");
    }
    String t = text.asText().strip();
    Transcript.Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
    if (last != null && last.speaker() == speaker) {
      out.set(out.size() - 1, new Transcript.Segment(speaker, last.offsetMillis(),
          last.text() + " " + t));
    } else {
      out.add(new Transcript.Segment(speaker, offset, t));
    }
  }
}

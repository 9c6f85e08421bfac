package nl.waarom.ingest.connect.spool;

import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Speaker;

/**
 * A parsed call transcript before privacy is applied: metadata (contactId, occurredAt,
 * customerId, language, queue; any may be absent) and the utterances in order.
 *
 * @param meta metadata by key; never null
 * @param segments utterances, consecutive ones of one speaker merged; never null, never empty
 */
public record Transcript(Map<String, String> meta, List<Segment> segments) {
  /** One utterance: who, when (milliseconds from the start) and what (raw, unredacted). */
  public record Segment(Speaker speaker, long offsetMillis, String text) {}

  public Transcript {
    meta = Map.copyOf(meta);
    segments = List.copyOf(segments);
  }
}

package nl.waarom.ingest.connect.spool;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Turn;

/**
 * Builds a privacy-safe {@link Contact} from a parsed {@link Transcript}: contactId from the
 * metadata, else the file name without extension; occurredAt from the metadata (ISO-8601), else
 * the file's modification time; customerId replaced by its keyed pseudonym; every text redacted;
 * attributes {@code source=spool} and {@code file}. Immutable and thread-safe.
 */
public final class TranscriptToContact {
  static final int MAX_TURNS = 500;
  static final int MAX_TEXT = 20_000;

  private final Pseudonymizer pseudonymizer;
  private final Redactor redactor;
  private final String language;
  private final Channel channel;

  /** @param language hint when the transcript has none; may be null */
  public TranscriptToContact(Pseudonymizer pseudonymizer, Redactor redactor, String language,
      Channel channel) {
    this.pseudonymizer = pseudonymizer;
    this.redactor = redactor;
    this.language = language;
    this.channel = channel;
  }

  public Contact convert(Transcript t, String fileName, Instant modified) throws BadInputException {
    Map<String, String> meta = t.meta();
    String contactId = meta.getOrDefault("contactId", baseName(fileName)).strip();
    if (contactId.isEmpty() || contactId.length() > 200) {
      throw new BadInputException("contactId: must be 1..200 characters");
    }
    Instant occurredAt = meta.containsKey("occurredAt") ? instant(meta.get("occurredAt")) : modified;
    String lang = meta.getOrDefault("language", language);
    if (lang != null && !lang.matches("[A-Za-z]{2}")) {
      throw new BadInputException("language: must be a 2-letter ISO 639-1 code such as nl");
    }
    if (t.segments().size() > MAX_TURNS) {
      throw new BadInputException("transcript has " + t.segments().size() + " turns after "
          + "merging; at most " + MAX_TURNS);
    }
    List<Turn> turns = new ArrayList<>();
    for (Transcript.Segment s : t.segments()) {
      String text = s.text().length() > MAX_TEXT ? s.text().substring(0, MAX_TEXT) : s.text();
      turns.add(new Turn(s.speaker(), redactor.redact(text), s.offsetMillis()));
    }
    String customerId = meta.get("customerId");
    return Contact.newBuilder()
        .setContactId(contactId)
        .setChannel(channel)
        .setCustomerKey(customerId == null || customerId.isBlank() ? null
            : pseudonymizer.keyFor(customerId.strip()))
        .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
        .setLanguage(lang == null ? null : lang.toLowerCase(Locale.ROOT))
        .setQueue(meta.get("queue"))
        .setTurns(turns)
        .setAttributes(attributes(fileName))
        .build();
  }

  /**
   * In a fixed order: {@code Map.of} iterates in an order that differs between JVM runs, so a
   * transcript read again by a restarted worker would serialise to different bytes.
   */
  private static Map<String, String> attributes(String fileName) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("source", "spool");
    attributes.put("file", fileName);
    return attributes;
  }

  private static Instant instant(String s) throws BadInputException {
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeException e) {
      throw new BadInputException("occurredAt: must be an ISO-8601 instant such as "
          + "2026-11-24T10:15:30Z");
    }
  }

  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}

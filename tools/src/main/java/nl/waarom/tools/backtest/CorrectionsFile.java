package nl.waarom.tools.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Correction;

/**
 * Editors' corrections from a JSONL file, for {@code waarom backtest --contacts FILE
 * --corrections FILE}: one JSON object a line with the fields of a {@code Correction} record, as
 * plain JSON (timestamps as ISO-8601 text). {@code contactId}, {@code reasonId} (null for "none
 * of these"; the key must be there) and {@code text} (the contact's redacted words) are
 * required; {@code language}, {@code correctionId}, {@code channel}, {@code occurredAt},
 * {@code correctedAt}, {@code actor}, {@code previousReasonId} and {@code taxonomyVersion} are
 * optional and do not change what is learned. As on the corrections topic, a later line about the
 * same contact replaces an earlier one. Blank lines are passed over; any other line that is not
 * such an object is refused with its line number.
 */
final class CorrectionsFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant UNKNOWN = Instant.EPOCH;

  private CorrectionsFile() {}

  /** A line that is no correction. */
  static final class BadLineException extends Exception {
    BadLineException(Path file, int line, String problem) {
      super(file + " line " + line + ": " + problem);
    }
  }

  /** Adds every correction of the file to the book, in file order. */
  static void read(Path file, CorrectionBook book) throws IOException, BadLineException {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isBlank()) {
          book.add(parse(file, number, line));
        }
      }
    }
  }

  static Correction parse(Path file, int number, String line) throws BadLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException(file, number, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLineException(file, number, "not a JSON object");
    }
    String contactId = text(node, "contactId");
    String text = text(node, "text");
    if (contactId == null || contactId.isBlank() || text == null) {
      throw new BadLineException(file, number, "contactId and text are required");
    }
    if (!node.has("reasonId")) {
      throw new BadLineException(file, number,
          "reasonId is required (null for none of the taxonomy's reasons)");
    }
    try {
      return Correction.newBuilder()
          .setCorrectionId(orElse(text(node, "correctionId"), file.getFileName() + ":" + number))
          .setContactId(contactId)
          .setChannel(Channel.valueOf(orElse(text(node, "channel"), Channel.CHAT.name())))
          .setOccurredAt(instant(node, "occurredAt"))
          .setCorrectedAt(instant(node, "correctedAt"))
          .setActor(orElse(text(node, "actor"), file.getFileName().toString()))
          .setReasonId(text(node, "reasonId"))
          .setPreviousReasonId(text(node, "previousReasonId"))
          .setTaxonomyVersion(orElse(text(node, "taxonomyVersion"), ""))
          .setLanguage(text(node, "language"))
          .setText(text)
          .build();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new BadLineException(file, number, e.getMessage());
    }
  }

  /** The field's text; null when absent or null. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? UNKNOWN : Instant.parse(value);
  }

  private static String orElse(String value, String otherwise) {
    return value == null ? otherwise : value;
  }
}

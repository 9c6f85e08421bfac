package nl.waarom.sink.db;

import java.time.Instant;
import java.util.Objects;
import nl.waarom.schemas.Correction;

/**
 * An editor's correction of one contact, as kept in {@code corrections}.
 *
 * @param correctionId never null
 * @param contactId never null
 * @param actor the authenticated identity; never null
 * @param reasonId the reason the contact is about; null for none of the taxonomy's reasons
 * @param previousReasonId the primary reason before; null when it was unexplained
 * @param taxonomyVersion never null
 * @param correctedAt never null
 * @param text the corrected contact's redacted words, which the model learns; null for a
 *     correction stored before the sink kept them
 * @param language the contact's language; may be null
 */
public record CorrectionRow(String correctionId, String contactId, String actor, String reasonId,
    String previousReasonId, String taxonomyVersion, Instant correctedAt, String text,
    String language) {
  public CorrectionRow {
    Objects.requireNonNull(correctionId, "correctionId");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
    Objects.requireNonNull(correctedAt, "correctedAt");
  }

  /** Without words (a correction stored before the sink kept them). */
  public CorrectionRow(String correctionId, String contactId, String actor, String reasonId,
      String previousReasonId, String taxonomyVersion, Instant correctedAt) {
    this(correctionId, contactId, actor, reasonId, previousReasonId, taxonomyVersion, correctedAt,
        null, null);
  }

  /** Maps a decoded Avro correction. */
  public static CorrectionRow from(Correction c) {
    return new CorrectionRow(c.getCorrectionId(), c.getContactId(), c.getActor(), c.getReasonId(),
        c.getPreviousReasonId(), c.getTaxonomyVersion(), c.getCorrectedAt(), c.getText(),
        c.getLanguage());
  }
}

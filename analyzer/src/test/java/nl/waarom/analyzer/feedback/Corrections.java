package nl.waarom.analyzer.feedback;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Correction;

/** Builds corrections for tests, and the words of a reason the default taxonomy does not know. */
public final class Corrections {
  /** Texts about loyalty stamps; the default taxonomy has no reason for them. */
  public static final List<String> STAMPS = List.of(
      "my loyalty stamps did not arrive on the stamp card",
      "the stamp card is missing three loyalty stamps",
      "where are my loyalty stamps from last week",
      "loyalty stamps were not added to my stamp card",
      "i collected loyalty stamps but the stamp card shows zero",
      "how do i redeem a full stamp card of loyalty stamps",
      "my loyalty stamps expired on the stamp card",
      "can you add the missing loyalty stamps to my card",
      "the loyalty stamps from the shop are gone from my stamp card",
      "stamp card says 0 loyalty stamps after my purchase");
  /** A new contact about loyalty stamps, none of the texts above. */
  public static final String NEW_STAMPS = "my stamp booklet lost all its loyalty stamps";
  /** The reason the editors say stamp texts are about. */
  public static final String STAMPS_REASON = "discount-code";

  private Corrections() {}

  /** An editor's correction: {@code reasonId} null for none of these. */
  public static Correction of(String contactId, String reasonId, String text) {
    return Correction.newBuilder()
        .setCorrectionId("corr-" + contactId + "-" + reasonId)
        .setContactId(contactId)
        .setChannel(Channel.CHAT)
        .setOccurredAt(Instant.parse("2026-11-30T10:00:00Z"))
        .setCorrectedAt(Instant.parse("2026-11-30T11:00:00Z"))
        .setActor("editor@example.com")
        .setReasonId(reasonId)
        .setPreviousReasonId(null)
        .setTaxonomyVersion("test")
        .setLanguage("en")
        .setText(text)
        .build();
  }
}

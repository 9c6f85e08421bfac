package nl.waarom.ingest.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A platform payload translated into the public contact JSON (see {@link nl.waarom.ingest.contact})
 * or deliberately ignored.
 *
 * @param contact the contact JSON, still to be validated, redacted and pseudonymised by
 *     {@link nl.waarom.ingest.contact.ContactJson}; null exactly when ignored
 * @param ignored why the payload holds no contact (e.g. Intercom's {@code ping}); null otherwise
 * @param sentAt when the platform says it sent the payload, from the signed body; null when the
 *     platform signs its send time elsewhere (a header)
 */
public record Translation(ObjectNode contact, String ignored, Instant sentAt) {
  public Translation {
    if ((contact == null) == (ignored == null)) {
      throw new IllegalArgumentException("either a contact or a reason to ignore");
    }
  }
}

/**
 * Privacy at the edge: a keyed pseudonym replaces the raw customer id
 * ({@link nl.waarom.ingest.privacy.Pseudonymizer}) and personal data in free text (e-mail, phone,
 * IBAN, BSN, postcode with house number, payment card, the customer's name) is replaced by typed
 * placeholders ({@link nl.waarom.ingest.privacy.Redactor}, {@link nl.waarom.ingest.privacy.PiiType})
 * before anything is produced to Kafka. {@link nl.waarom.ingest.privacy.Redaction} reports what was
 * replaced, for metrics; {@code bench} measures recall and precision on generated messages.
 */
package nl.waarom.ingest.privacy;

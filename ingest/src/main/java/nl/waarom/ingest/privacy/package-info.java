/**
 * Privacy at the edge: a keyed pseudonym replaces the raw customer id
 * ({@link nl.waarom.ingest.privacy.Pseudonymizer}) and personal data in free text (e-mail, phone,
 * IBAN, BSN, postcode, payment card, street address, date of birth, licence plate, identity
 * document, people's names found from context and name lists) is replaced by typed placeholders
 * ({@link nl.waarom.ingest.privacy.Redactor}, {@link nl.waarom.ingest.privacy.PiiType}) before
 * anything is produced to Kafka. {@link nl.waarom.ingest.privacy.Redaction} reports what was
 * replaced, for metrics; {@code bench redaction} measures recall and precision on generated
 * messages and on hand-annotated texts.
 */
package nl.waarom.ingest.privacy;

/**
 * Privacy at the edge: a keyed pseudonym replaces the raw customer id
 * ({@link nl.waarom.ingest.privacy.Pseudonymizer}) and e-mail addresses, phone numbers and IBANs
 * are redacted from free text ({@link nl.waarom.ingest.privacy.Redactor}) before anything is
 * produced to Kafka.
 */
package nl.waarom.ingest.privacy;

/**
 * Kafka Connect source connectors that bring contacts from where they live into Waarom:
 * {@link nl.waarom.ingest.connect.imap the IMAP email connector} and
 * {@link nl.waarom.ingest.connect.spool the spool-directory connector} for call transcripts and
 * chat exports.
 *
 * <h2>Records</h2>
 *
 * <p>Both connectors produce records ready for the Waarom topics: key = {@code contactId} as a
 * Connect {@code STRING}, value = the Avro-encoded {@code Contact} (or {@code DeadLetter}) as
 * Connect {@code BYTES}, encoded with the serde of the topic catalogue
 * ({@link nl.waarom.schemas.Topics}): single-object encoding, or the schema-registry wire format
 * when {@code schema.registry.url} is set (the connector registers its schemas itself). The worker (or the connector config) must therefore use
 * {@code key.converter=org.apache.kafka.connect.storage.StringConverter} and
 * {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter}; any other value
 * converter would wrap the bytes and the analyzer could not read them.
 *
 * <h2>Privacy and dead letters</h2>
 *
 * <p>All free text is redacted ({@link nl.waarom.ingest.privacy.Redactor}) and customer
 * identifiers are replaced by keyed pseudonyms ({@link nl.waarom.ingest.privacy.Pseudonymizer})
 * before a record leaves the task. Input that cannot become a valid contact becomes a
 * {@code DeadLetter} on the dlq topic with the original bytes and the reason; the task keeps
 * running.
 *
 * <p>Configuration of each connector is a {@link org.apache.kafka.common.config.ConfigDef}
 * catalogue; {@code ingest/CONNECTORS.md} is generated from it by {@link
 * nl.waarom.ingest.connect.ConfigDocs} and a test keeps the two in sync.
 */
package nl.waarom.ingest.connect;

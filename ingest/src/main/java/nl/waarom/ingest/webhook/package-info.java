/**
 * Chat and ticketing platforms' "conversation closed" webhooks: per platform a
 * {@link nl.waarom.ingest.webhook.WebhookAdapter} verifies the signature and translates the
 * payload into the public contact JSON ({@link nl.waarom.ingest.webhook.Translation}), which then
 * goes through the same validation, pseudonymisation and redaction as {@code POST /v1/contacts}.
 * Adapters: {@link nl.waarom.ingest.webhook.IntercomAdapter} and
 * {@link nl.waarom.ingest.webhook.ZendeskAdapter} (their javadoc cites the platform documentation
 * and gives the mapping). Used by the gateway and by {@code dlq replay}; nothing here touches
 * Kafka or HTTP.
 */
package nl.waarom.ingest.webhook;

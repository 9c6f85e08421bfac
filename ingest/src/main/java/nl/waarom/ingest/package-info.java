/**
 * Waarom ingest: everything that publishes contacts to the channel topics. Public entry points
 * are {@link nl.waarom.ingest.gateway.Gateway} (HTTP webhooks) and
 * {@link nl.waarom.ingest.replay.Replay} (JSONL corpora). Both share the contact JSON reader
 * ({@code contact}), privacy at the edge ({@code privacy}) and the Kafka plumbing
 * ({@code kafka}); {@code gateway} and {@code replay} do not import each other.
 */
package nl.waarom.ingest;

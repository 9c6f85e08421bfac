/** Kafka plumbing shared by the gateway and the replay: the idempotent producer and the probe. */
package nl.waarom.ingest.kafka;

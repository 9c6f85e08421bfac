/**
 * Replay of a JSONL corpus to the channel topics: {@code ReplayMain --file PATH [--rate N]}, or
 * {@link nl.waarom.ingest.replay.Replay#run} from code. Same shape, validation and privacy as the
 * gateway ({@link nl.waarom.ingest.contact}); invalid lines become dead letters. Exit codes: 0
 * done (also when lines were dead-lettered), 1 file unreadable or Kafka failed, 2 bad arguments
 * or configuration.
 */
package nl.waarom.ingest.replay;

/**
 * Replay of a JSONL corpus to the channel topics: {@code ./waarom replay --file PATH [--rate N]}
 * ({@link nl.waarom.ingest.replay.ReplayMain#run} with {@link nl.waarom.ingest.replay.ReplayOptions}),
 * or {@link nl.waarom.ingest.replay.Replay#run} from code. Same shape, validation and privacy as the
 * gateway ({@link nl.waarom.ingest.contact}); invalid lines become dead letters. Exit codes: 0
 * done (also when lines were dead-lettered), 1 reading or Kafka failed, 2 bad arguments, an
 * unreadable file or bad configuration.
 */
package nl.waarom.ingest.replay;

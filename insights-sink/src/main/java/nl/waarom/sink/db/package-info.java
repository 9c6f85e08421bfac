/**
 * The sink's data access: every SQL statement of the sink lives in this package. PostgreSQL is the
 * embedded server or an external one behind a HikariCP pool, migrated by Flyway
 * ({@code db/migration}: the documented tables analysts query). Statements run through Jdbi
 * ({@code Db}: {@code Instant} as {@code timestamptz}, lists as {@code text[]}, failures as
 * {@link nl.waarom.sink.db.DatabaseException}), each in a small class named for what it does:
 * {@link nl.waarom.sink.db.BatchWriter} (a consumed batch in one transaction: idempotent upserts
 * of insights by id, their backlog items, trends, explained shares),
 * {@link nl.waarom.sink.db.BacklogStore} and {@link nl.waarom.sink.db.BacklogLifecycle} (reading
 * the ranked backlog; changing an item under a row lock together with its history row),
 * {@link nl.waarom.sink.db.TrackerLinks} and {@link nl.waarom.sink.db.ExportStore} (the exporter's
 * claims and candidates), {@link nl.waarom.sink.db.TrendReads}, {@link nl.waarom.sink.db.ShareStore},
 * {@link nl.waarom.sink.db.InsightReader}, {@link nl.waarom.sink.db.DoneItems},
 * {@link nl.waarom.sink.db.ChangeVersion}, and for the team workspace {@code ContactStore} (taxonomy
 * versions, contacts merged from their words and classification, corrections applied by
 * {@link nl.waarom.sink.db.Corrected}; part of the batch transaction),
 * {@link nl.waarom.sink.db.ContactReads}, {@link nl.waarom.sink.db.StoredCorrections},
 * {@link nl.waarom.sink.db.TaxonomyReads} and
 * {@link nl.waarom.sink.db.ContactPurge}. The row records they take and return are plain values.
 * {@link nl.waarom.sink.db.AdvisoryLock} is the exception to the pool: the leadership of a
 * singleton job is a session-level advisory lock, so it holds a connection of its own.
 *
 * <p>The feature packages ({@code backlog}, {@code board}, {@code consume}, {@code export},
 * {@code lead}, {@code verify}, {@code contacts}) use this package and hold no SQL or JDBC; this package uses none of them.
 */
package nl.waarom.sink.db;

/**
 * PostgreSQL: the embedded server or an external one, the HikariCP pool, the Flyway migrations in
 * {@code db/migration} (the documented tables analysts query), and the idempotent upserts.
 */
package nl.waarom.sink.db;

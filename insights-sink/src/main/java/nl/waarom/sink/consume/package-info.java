/**
 * Consuming insights, trends and the team workspace's records (taxonomy versions, contacts,
 * classifications, corrections) into PostgreSQL with effectively-once results: each poll is
 * written in one database transaction of idempotent upserts, and only then are the offsets
 * committed. Records that cannot be decoded or stored go to the dead-letter topic and are skipped;
 * a database outage is retried with back-off without committing.
 */
package nl.waarom.sink.consume;

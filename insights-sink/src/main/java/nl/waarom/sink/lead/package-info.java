/**
 * Leadership of the sink's singleton jobs: several sink instances share the consumer group's
 * partitions, but the tracker export and the impact verification each run on one instance at a
 * time. {@link nl.waarom.sink.lead.Leadership} holds one PostgreSQL session-level advisory lock
 * per {@link nl.waarom.sink.lead.SingletonJob} on a dedicated connection
 * ({@link nl.waarom.sink.db.AdvisoryLock}); the instance holding a job's lock leads it, and
 * PostgreSQL hands the lock to a standby as soon as the leader's session ends — stopped, crashed
 * or disconnected — without a lease to wait out or a clock to trust.
 *
 * <p>Leadership narrows, but does not close, the window in which two instances act: a leader whose
 * connection was cut finishes the run it is in before it checks again. The jobs therefore stay
 * idempotent on their own (the exporter claims an item's creation in the database before it sends
 * it; the verifier judges an item under a row lock, only while it is done), and leadership only
 * keeps the standby from doing the same work at the same time.
 */
package nl.waarom.sink.lead;

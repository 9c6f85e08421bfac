package nl.waarom.sink.lead;

import java.util.Locale;

/**
 * The sink's jobs that run on one instance at a time, each guarded by its own PostgreSQL advisory
 * lock. The keys are fixed: changing one lets an old and a new version of the sink both lead
 * during a rolling upgrade. They read "WAAROM" in ASCII followed by the job's number.
 */
public enum SingletonJob {
  /** The tracker exporter ({@code nl.waarom.sink.export.Exporter}). */
  EXPORT(0x5741_4152_4F4D_0001L),
  /** The impact verification ({@code nl.waarom.sink.verify.ImpactVerifier}). */
  VERIFY(0x5741_4152_4F4D_0002L),
  /** Deleting contacts older than the retention ({@code nl.waarom.sink.contacts.ContactRetention}). */
  PURGE(0x5741_4152_4F4D_0003L),
  /** Re-scoring past periods under a new taxonomy version ({@code nl.waarom.sink.rescore.Rescorer}). */
  RESCORE(0x5741_4152_4F4D_0004L);

  private final long lockKey;

  SingletonJob(long lockKey) {
    this.lockKey = lockKey;
  }

  /** The key of the job's advisory lock, as passed to {@code pg_try_advisory_lock(bigint)}. */
  public long lockKey() {
    return lockKey;
  }

  /** The job's name in metrics and logs: {@code export}, {@code verify}, {@code purge},
   * {@code rescore}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}

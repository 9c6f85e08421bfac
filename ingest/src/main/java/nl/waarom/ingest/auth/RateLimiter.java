package nl.waarom.ingest.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket (Bucket4j) per client name and limit: a request takes one token; a client
 * whose bucket is empty is told how long until the next token. Keys that share a name (during a
 * rotation) share the bucket. In memory, per gateway instance: behind a load balancer with N
 * instances a client may get up to N times its limit. Thread-safe.
 */
public final class RateLimiter {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one request from {@code client}'s allowance.
   *
   * @return {@link Duration#ZERO} when the request may go ahead; otherwise how long until it
   *     would be allowed (positive)
   */
  public Duration acquire(String client, RateLimit limit) {
    if (limit.unlimited()) {
      return Duration.ZERO;
    }
    Bucket bucket = buckets.computeIfAbsent(client + "|" + limit, k -> Bucket.builder()
        .addLimit(b -> b.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO
        : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
  }
}

/**
 * The HTTP webhook gateway ({@link nl.waarom.ingest.gateway.Gateway}, run by
 * {@link nl.waarom.ingest.gateway.GatewayMain}).
 *
 * <h2>Endpoints</h2>
 *
 * <ul>
 *   <li>{@code POST /v1/contacts}, {@code Content-Type: application/json}: one contact object or
 *       an array of them (shape: {@link nl.waarom.ingest.contact}). All are validated first.
 *       <ul>
 *         <li>202 {@code {"accepted":N,"contacts":[{"contactId","topic","partition","offset"}]}}
 *             after Kafka acknowledged every contact ({@code acks=all}, idempotent producer);
 *         <li>400 {@code {"error":"invalid request","errors":[{"field","message"}]}} when any
 *             contact is invalid, the body is not JSON, or the array is empty or too long;
 *             nothing is produced;
 *         <li>413 body too large; 415 not {@code application/json} (UTF-8);
 *         <li>503 Kafka did not acknowledge within {@code WAAROM_GATEWAY_PRODUCE_TIMEOUT}: retry.
 *             Part of the batch may be stored; records are keyed by contactId.
 *       </ul>
 *   <li>{@code POST /v1/webhooks/intercom}, {@code POST /v1/webhooks/zendesk}: the platforms'
 *       "conversation closed" webhooks ({@link nl.waarom.ingest.webhook}); 202 produced, 200
 *       ignored (ping), 401 bad signature or stale, 400 unreadable (dead-lettered with source
 *       {@code gateway:<platform>}), 404 not configured (no secret), 413, 415, 503 — see
 *       {@code WebhookHandler}.
 *   <li>{@code GET /healthy}, {@code GET /ready} (Kafka reachable), {@code GET /metrics}.
 * </ul>
 *
 * <p>Every error body is JSON, including 404, 405 and 500:
 * {@code {"error":"not found","message":"..."}}. Settings: {@link
 * nl.waarom.ingest.gateway.GatewaySettings}; metrics: {@link
 * nl.waarom.ingest.gateway.GatewayMetrics}.
 */
package nl.waarom.ingest.gateway;

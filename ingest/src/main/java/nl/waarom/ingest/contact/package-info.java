/**
 * The public contact JSON accepted by the gateway ({@code POST /v1/contacts}) and the replay
 * (one object per JSONL line), and its translation into the Avro {@code Contact} record.
 *
 * <h2>Shape</h2>
 *
 * <pre>{@code
 * {
 *   "contactId": "chat-123",                 // required, 1..200 chars
 *   "channel": "CHAT",                       // required: CHAT | CALL | EMAIL (case-insensitive)
 *   "occurredAt": "2026-11-24T10:15:30Z",    // required ISO-8601 instant (offsets allowed)
 *   "customerId": "cust-42",                 // optional raw id: NEVER forwarded; replaced by a keyed pseudonym
 *   "customerKey": "...",                    // optional, already pseudonymous; used only when customerId absent
 *   "customerName": "Jan de Vries",          // optional, <= 200 chars: NEVER forwarded; every occurrence in the texts becomes [NAME]
 *   "language": "nl",                        // optional, 2-letter ISO 639-1
 *   "subject": "...",                        // optional (email)
 *   "turns": [ {"speaker": "CUSTOMER", "text": "...", "offsetMillis": 0} ],  // required, 1..500 turns;
 *                                            // speaker CUSTOMER|AGENT|BOT|SYSTEM; text non-blank, <= 20000 chars;
 *                                            // offsetMillis optional, >= 0, default 0
 *   "ivrMillis": 0, "queueMillis": 0, "talkMillis": 0, "wrapUpMillis": 0,   // optional, >= 0
 *   "queue": "billing", "ivrPath": "2>1",    // optional strings
 *   "callbackRequested": false,              // optional boolean, default false
 *   "attributes": {"campaign": "nov-mail"}   // optional map string->string
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Unknown fields, at the top level and inside a turn, are rejected so that typos surface.
 *   <li>A JSON {@code null} counts as absent. Duplicate keys and trailing content are rejected.
 *   <li>{@code customerId} and {@code customerKey}, when present, must not be blank. Enum values
 *       ({@code channel}, {@code speaker}) are case-insensitive; {@code language} is stored in
 *       lower case; {@code occurredAt} is stored with millisecond precision.
 *   <li>Every problem is reported, each with a JSON-path-like field name: {@code contactId},
 *       {@code turns[1].speaker}, {@code attributes.campaign}, and, for the fourth element of an
 *       array body, {@code [3].occurredAt}. Problems with the input as a whole are named
 *       {@code body} (gateway) or {@code line} (replay).
 * </ul>
 *
 * <h2>Privacy at the edge</h2>
 *
 * <p>{@code customerId} is replaced by {@code customerKey} = hex HMAC-SHA256(secret, customerId)
 * ({@link nl.waarom.ingest.privacy.Pseudonymizer}); turn texts, the subject and attribute values
 * are redacted ({@link nl.waarom.ingest.privacy.Redactor}), with {@code customerName} replaced as
 * {@code [NAME]} wherever it occurs; the name itself is dropped. Other free fields ({@code queue},
 * {@code ivrPath}) are forwarded as sent and must not carry personal data.
 */
package nl.waarom.ingest.contact;

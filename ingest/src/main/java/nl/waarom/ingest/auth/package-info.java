/**
 * Who may write contacts: API keys ({@link nl.waarom.ingest.auth.ApiKey}, stored as a name and a
 * SHA-256, never the key), the sets of them an operator configures
 * ({@link nl.waarom.ingest.auth.ApiKeys}, {@link nl.waarom.ingest.auth.KeyFile}, which is read
 * again when it changes) and the per-client request rate
 * ({@link nl.waarom.ingest.auth.RateLimit}). The gateway uses these to refuse a request without an
 * identity and to record the identity's name as the contact's source. Imports nothing of the
 * gateway.
 */
package nl.waarom.ingest.auth;

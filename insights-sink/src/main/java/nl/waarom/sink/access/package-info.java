/**
 * Who may use the board and the REST API, and as whom: people sign in through OpenID Connect
 * ({@link OidcLogin}), scripts present a static API token ({@link ApiTokens}), the local stack
 * hands its user a one-time sign-in link ({@link SignInLinks}). A signed-in person holds a
 * server-side {@link Sessions session} with a CSRF token; every route declares the {@link Role} it
 * needs and {@link AccessGate} refuses the rest (401 anonymous, 403 too weak a role). The identity
 * it establishes is the actor recorded on backlog events.
 */
package nl.waarom.sink.access;

-- Waarom insights sink: the sessions of signed-in people and their OpenID Connect sign-ins in
-- progress, in the shared database so that every sink instance knows them (a browser may reach
-- any instance behind a load balancer).

CREATE TABLE sign_in_sessions (
    id_hash    text        PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL,
    via        text        NOT NULL,
    csrf       text        NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL
);
CREATE INDEX sign_in_sessions_last_seen_idx ON sign_in_sessions (last_seen);

COMMENT ON TABLE sign_in_sessions IS
    'One row per live session of a signed-in person; deleted at sign-out, and when it has expired (idle or too old) the next time anyone signs in.';
COMMENT ON COLUMN sign_in_sessions.id_hash IS 'SHA-256 (hex) of the session id in the browser''s cookie: reading this table does not let anyone take a session over.';
COMMENT ON COLUMN sign_in_sessions.name IS 'The identity recorded as the actor of the person''s changes (email, user name or subject).';
COMMENT ON COLUMN sign_in_sessions.role IS 'viewer or editor.';
COMMENT ON COLUMN sign_in_sessions.via IS 'How the person signed in: oidc or link.';
COMMENT ON COLUMN sign_in_sessions.csrf IS 'The session''s CSRF token, sent by the board''s script in X-CSRF-Token with every change.';
COMMENT ON COLUMN sign_in_sessions.last_seen IS 'The last request with this session, to a minute (the idle timeout counts from it).';

CREATE TABLE sign_in_pending (
    state        text        PRIMARY KEY,
    nonce        text        NOT NULL,
    verifier     text        NOT NULL,
    redirect_uri text        NOT NULL,
    next         text        NOT NULL,
    expires_at   timestamptz NOT NULL
);

COMMENT ON TABLE sign_in_pending IS
    'OpenID Connect sign-ins started and not yet completed: the state the provider returns, with the nonce and PKCE verifier to check its answer. A row is deleted when its sign-in completes, and when it has expired the next time a sign-in starts.';

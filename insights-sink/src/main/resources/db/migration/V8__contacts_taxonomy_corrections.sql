-- The team's workspace: the taxonomy versions the analyzer put in force (names for the board),
-- the classified contacts of the retention window (redacted words, reasons, evidence, sentiment)
-- and editors' corrections.

CREATE TABLE taxonomy_versions (
    version      text        PRIMARY KEY,
    published_at timestamptz NOT NULL,
    sha256       text        NOT NULL,
    yaml         text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE taxonomy_versions IS
    'Every taxonomy version an analyzer put in force (Avro record TaxonomySnapshot from topic <prefix>taxonomy); the latest published_at is the version in force.';
COMMENT ON COLUMN taxonomy_versions.yaml IS 'The taxonomy document exactly as the analyzer loaded it.';

CREATE TABLE taxonomy_reasons (
    version        text NOT NULL REFERENCES taxonomy_versions (version) ON DELETE CASCADE,
    reason_id      text NOT NULL,
    name_nl        text NOT NULL,
    name_en        text NOT NULL,
    parent         text,
    preventability text NOT NULL,
    owner          text,
    position       integer NOT NULL,
    PRIMARY KEY (version, reason_id)
);
COMMENT ON TABLE taxonomy_reasons IS
    'The reasons of each taxonomy version with their Dutch and English names and group (parent); position is the order in the taxonomy document.';

CREATE TABLE contacts (
    contact_id        text        PRIMARY KEY,
    channel           text        NOT NULL,
    occurred_at       timestamptz NOT NULL,
    language          text,
    queue             text,
    ivr_path          text,
    attributes        jsonb       NOT NULL DEFAULT '{}',
    customer_key      text,
    handle_millis     bigint,
    subject           text,
    turns             jsonb,
    search_text       text,
    search            tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED,
    taxonomy_version  text,
    primary_reason_id text,
    reasons           jsonb       NOT NULL DEFAULT '[]',
    unexplained       boolean,
    repeat_of         text,
    customer_negative boolean,
    turn_sentiments   jsonb       NOT NULL DEFAULT '[]',
    terms             jsonb       NOT NULL DEFAULT '[]',
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_occurred_idx ON contacts (occurred_at);
CREATE INDEX contacts_reason_occurred_idx ON contacts (primary_reason_id, occurred_at);
CREATE INDEX contacts_search_idx ON contacts USING gin (search);
COMMENT ON TABLE contacts IS
    'Contacts of the retention window (WAAROM_SINK_CONTACT_RETENTION): the redacted words from the contact topics and the classification from <prefix>contacts.classified, merged by contact_id in whichever order they arrive. A row with turns but no taxonomy_version is not classified yet; one with a classification but no turns has not been read from its contact topic yet.';
COMMENT ON COLUMN contacts.turns IS 'JSON array of {"speaker", "text", "at"}: the redacted turns; evidence offsets index into these texts (turnIndex -1 into subject).';
COMMENT ON COLUMN contacts.search_text IS 'The redacted subject and customer words the word search looks in.';
COMMENT ON COLUMN contacts.reasons IS 'JSON array of {"reasonId", "confidence", "source": RULE|MODEL|FEEDBACK, "evidence": [{"term", "turnIndex", "start", "end"}]}, primary first.';
COMMENT ON COLUMN contacts.primary_reason_id IS 'The first reason; NULL when unexplained. A correction replaces it (source FEEDBACK).';

CREATE TABLE corrections (
    correction_id      text        PRIMARY KEY,
    contact_id         text        NOT NULL,
    actor              text        NOT NULL,
    reason_id          text,
    previous_reason_id text,
    taxonomy_version   text        NOT NULL,
    corrected_at       timestamptz NOT NULL
);
CREATE INDEX corrections_contact_idx ON corrections (contact_id, corrected_at);
COMMENT ON TABLE corrections IS
    'Editors'' corrections (Avro record Correction from topic <prefix>corrections): reason_id NULL means none of the taxonomy''s reasons. The latest per contact applies.';

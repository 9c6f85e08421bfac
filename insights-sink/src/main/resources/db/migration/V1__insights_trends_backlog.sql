-- Waarom insights sink: the tables analysts query.
-- Written by the insights sink from the Kafka topics <prefix>insights and <prefix>reason-trends.
-- Every write is an idempotent upsert, so replaying the topics converges to the same rows.
-- Timestamps are timestamptz (UTC instants); enum values are the Avro symbols as text.

CREATE TABLE insights (
    insight_id      text             PRIMARY KEY,
    kind            text             NOT NULL,
    reason_id       text,
    candidate_terms text[]           NOT NULL DEFAULT '{}',
    window_start    timestamptz      NOT NULL,
    window_end      timestamptz      NOT NULL,
    count           bigint           NOT NULL,
    baseline        double precision NOT NULL,
    channels        text[]           NOT NULL DEFAULT '{}',
    examples        jsonb            NOT NULL DEFAULT '[]',
    estimated_cost  double precision,
    preventability  text,
    detected_at     timestamptz      NOT NULL,
    summary         text             NOT NULL DEFAULT '',
    first_seen_at   timestamptz      NOT NULL DEFAULT now(),
    last_seen_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX insights_detected_at_idx ON insights (detected_at DESC);
CREATE INDEX insights_reason_kind_idx ON insights (reason_id, kind);

COMMENT ON TABLE insights IS
    'One row per insight (Avro record Insight from topic <prefix>insights): something the improvement team should look at. Re-delivery of the same insight changes nothing.';
COMMENT ON COLUMN insights.insight_id IS 'Deterministic id from the analyzer (kind, reason, channel, window); primary key.';
COMMENT ON COLUMN insights.kind IS 'SPIKE, EMERGING_REASON, REPEAT_HOTSPOT or OTHER.';
COMMENT ON COLUMN insights.reason_id IS 'Taxonomy reason id; NULL for EMERGING_REASON (see candidate_terms).';
COMMENT ON COLUMN insights.candidate_terms IS 'Over-represented words or phrases; for EMERGING_REASON they name the new reason.';
COMMENT ON COLUMN insights.window_start IS 'Start (inclusive) of the event-time window the insight is about.';
COMMENT ON COLUMN insights.window_end IS 'End (exclusive) of the event-time window the insight is about.';
COMMENT ON COLUMN insights.count IS 'Number of contacts in the window.';
COMMENT ON COLUMN insights.baseline IS 'Expected number of contacts in such a window.';
COMMENT ON COLUMN insights.channels IS 'Channels involved: CHAT, CALL, EMAIL, OTHER.';
COMMENT ON COLUMN insights.examples IS 'Example contacts as a JSON array of {"contactId": text, "snippet": text or null}; snippets are redacted.';
COMMENT ON COLUMN insights.estimated_cost IS 'Estimated cost per week in the configured currency; NULL when unknown.';
COMMENT ON COLUMN insights.preventability IS 'PREVENT, SELF_SERVICE, AUTOMATE, ASSIST or UNKNOWN; NULL when not given.';
COMMENT ON COLUMN insights.detected_at IS 'Event time at which the detector fired.';
COMMENT ON COLUMN insights.summary IS 'One human-readable sentence.';
COMMENT ON COLUMN insights.first_seen_at IS 'Wall-clock time the sink first stored this insight.';
COMMENT ON COLUMN insights.last_seen_at IS 'Wall-clock time the sink last stored a changed version of this insight (an identical re-delivery does not touch it).';

CREATE TABLE reason_trends (
    reason_id           text             NOT NULL,
    channel             text             NOT NULL,
    window_start        timestamptz      NOT NULL,
    window_end          timestamptz      NOT NULL,
    count               bigint           NOT NULL,
    handle_millis_total bigint           NOT NULL DEFAULT 0,
    baseline            double precision,
    deviation           double precision,
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (reason_id, channel, window_start)
);
CREATE INDEX reason_trends_window_start_idx ON reason_trends (window_start);

COMMENT ON TABLE reason_trends IS
    'Contacts per reason, channel and tumbling window (Avro record ReasonTrend from topic <prefix>reason-trends). A later record for the same key replaces the counts.';
COMMENT ON COLUMN reason_trends.reason_id IS 'Taxonomy reason id, or ''unexplained'' for contacts no reason explained.';
COMMENT ON COLUMN reason_trends.channel IS 'CHAT, CALL, EMAIL or OTHER.';
COMMENT ON COLUMN reason_trends.window_start IS 'Start (inclusive) of the event-time window.';
COMMENT ON COLUMN reason_trends.window_end IS 'End (exclusive) of the event-time window.';
COMMENT ON COLUMN reason_trends.count IS 'Number of contacts for this reason on this channel in the window.';
COMMENT ON COLUMN reason_trends.handle_millis_total IS 'Sum of the known handle times (milliseconds) of those contacts.';
COMMENT ON COLUMN reason_trends.baseline IS 'Expected count from the trailing baseline; NULL until there is history.';
COMMENT ON COLUMN reason_trends.deviation IS 'count / baseline; NULL until there is history.';
COMMENT ON COLUMN reason_trends.updated_at IS 'Wall-clock time the sink last changed this row.';

CREATE TABLE backlog_items (
    item_id            text             PRIMARY KEY,
    reason_id          text,
    candidate_terms    text[]           NOT NULL DEFAULT '{}',
    kind               text             NOT NULL,
    title              text             NOT NULL,
    status             text             NOT NULL DEFAULT 'new',
    latest_insight_id  text             NOT NULL REFERENCES insights (insight_id),
    latest_detected_at timestamptz      NOT NULL,
    insight_count      integer          NOT NULL DEFAULT 1,
    first_seen_at      timestamptz      NOT NULL,
    last_seen_at       timestamptz      NOT NULL,
    estimated_cost     double precision,
    preventability     text
);
CREATE INDEX backlog_items_rank_idx ON backlog_items (estimated_cost DESC NULLS LAST, last_seen_at DESC);

COMMENT ON TABLE backlog_items IS
    'The improvement team''s backlog: one item per (reason, insight kind), or per candidate terms for emerging reasons, kept up to date as insights arrive.';
COMMENT ON COLUMN backlog_items.item_id IS 'Deterministic id: <kind>.<reason id>, or <kind>.<sorted candidate terms joined by _> when there is no reason; lower-case slugs.';
COMMENT ON COLUMN backlog_items.reason_id IS 'Taxonomy reason id; NULL for items about an emerging reason.';
COMMENT ON COLUMN backlog_items.candidate_terms IS 'Candidate terms of the latest insight when the item has no reason id; otherwise empty.';
COMMENT ON COLUMN backlog_items.kind IS 'Insight kind of the item: SPIKE, EMERGING_REASON, REPEAT_HOTSPOT or OTHER.';
COMMENT ON COLUMN backlog_items.title IS 'Human-readable title, e.g. Spike: payment-problem.';
COMMENT ON COLUMN backlog_items.status IS 'Set by the team; the sink only ever writes the initial value ''new''.';
COMMENT ON COLUMN backlog_items.latest_insight_id IS 'The insight with the latest detected_at among this item''s insights.';
COMMENT ON COLUMN backlog_items.latest_detected_at IS 'detected_at of the latest insight.';
COMMENT ON COLUMN backlog_items.insight_count IS 'Number of distinct insights behind this item (re-deliveries are not counted).';
COMMENT ON COLUMN backlog_items.first_seen_at IS 'Earliest detected_at (event time) of the item''s insights.';
COMMENT ON COLUMN backlog_items.last_seen_at IS 'Latest detected_at (event time) of the item''s insights.';
COMMENT ON COLUMN backlog_items.estimated_cost IS 'Estimated cost per week taken from the latest insight; NULL when unknown.';
COMMENT ON COLUMN backlog_items.preventability IS 'Preventability class taken from the latest insight; NULL when unknown.';

-- Waarom insights sink, schema version 2 (Avro Insight v2, ReasonTrend v2, ExplainedShare v1):
-- insights carry their explanation and value at stake, trends come in 1/15/60-minute windows with
-- handle and repeat counts, and the share of contacts explained is stored per window.

ALTER TABLE insights
    ADD COLUMN reason_name        text,
    ADD COLUMN signals            jsonb            NOT NULL DEFAULT '[]',
    ADD COLUMN weekly_volume      double precision,
    ADD COLUMN avg_handle_minutes double precision,
    ADD COLUMN cost_per_minute    double precision,
    ADD COLUMN repeat_rate        double precision,
    ADD COLUMN score              double precision,
    ADD COLUMN growth_rate        double precision,
    ADD COLUMN drafted_rule       text;

COMMENT ON COLUMN insights.reason_name IS 'Display name of the reason (English) in the taxonomy in force; for EMERGING_REASON a title made of its phrases.';
COMMENT ON COLUMN insights.signals IS 'The explanation: JSON array of {"kind": TERM|CHANNEL|QUEUE|IVR_PATH|ATTRIBUTE|OTHER, "name", "value", "count", "share", "backgroundShare", "score"}, strongest first: what is over-represented in the insight''s contacts compared with the background.';
COMMENT ON COLUMN insights.weekly_volume IS 'Estimated contacts per week the insight is about.';
COMMENT ON COLUMN insights.avg_handle_minutes IS 'Mean handle time (talk + wrap-up) of those contacts in minutes; NULL when unknown.';
COMMENT ON COLUMN insights.cost_per_minute IS 'Cost of one handling minute used for estimated_cost (analyzer setting WAAROM_COST_PER_MINUTE).';
COMMENT ON COLUMN insights.repeat_rate IS 'Share of the reason''s contacts followed by a repeat contact within the repeat window; NULL when unknown.';
COMMENT ON COLUMN insights.score IS 'The detector''s test statistic; higher is stronger.';
COMMENT ON COLUMN insights.growth_rate IS 'Relative growth of the volume per hour (1.0 = doubling); NULL when not applicable.';
COMMENT ON COLUMN insights.drafted_rule IS 'EMERGING_REASON: a drafted rule in the taxonomy''s rule syntax, for review.';
COMMENT ON COLUMN insights.estimated_cost IS 'Estimated cost per week: weekly_volume × avg_handle_minutes × cost_per_minute; NULL when the handle time is unknown.';

ALTER TABLE reason_trends
    ADD COLUMN window_minutes   integer NOT NULL DEFAULT 1,
    ADD COLUMN handle_count     bigint  NOT NULL DEFAULT 0,
    ADD COLUMN repeat_count     bigint  NOT NULL DEFAULT 0,
    ADD COLUMN repeats_complete boolean NOT NULL DEFAULT false;
ALTER TABLE reason_trends DROP CONSTRAINT reason_trends_pkey;
ALTER TABLE reason_trends ADD PRIMARY KEY (reason_id, channel, window_minutes, window_start);
CREATE INDEX reason_trends_minutes_start_idx ON reason_trends (window_minutes, window_start);

COMMENT ON TABLE reason_trends IS
    'Contacts per reason, channel and tumbling window of 1, 15 or 60 minutes (Avro record ReasonTrend from topic <prefix>reason-trends). A later record for the same key replaces the counts. Sum counts over one window_minutes only: the 15- and 60-minute rows roll up the 1-minute rows.';
COMMENT ON COLUMN reason_trends.window_minutes IS 'Window length in minutes: 1, 15 or 60.';
COMMENT ON COLUMN reason_trends.handle_count IS 'Contacts with a known handle time; handle_millis_total / handle_count is the mean.';
COMMENT ON COLUMN reason_trends.repeat_count IS 'Contacts of this window the same customer contacted about again (same reason, any channel) within the repeat window.';
COMMENT ON COLUMN reason_trends.repeats_complete IS 'False while the repeat window after this window has not passed: repeat_count may still grow.';
COMMENT ON COLUMN reason_trends.baseline IS 'Expected count (same hour of the week for 60-minute windows when there is history, else the trailing mean); NULL until there is history.';

CREATE TABLE explained_share (
    window_minutes integer          NOT NULL,
    window_start   timestamptz      NOT NULL,
    window_end     timestamptz      NOT NULL,
    total          bigint           NOT NULL,
    explained      bigint           NOT NULL,
    share          double precision NOT NULL,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (window_minutes, window_start)
);
COMMENT ON TABLE explained_share IS
    'Share of contacts that got a reason, per tumbling window over all channels (Avro record ExplainedShare from topic <prefix>explained-share). A later record for the same window replaces the row.';
COMMENT ON COLUMN explained_share.window_minutes IS 'Window length in minutes: 1, 15 or 60.';
COMMENT ON COLUMN explained_share.window_start IS 'Start (inclusive) of the event-time window.';
COMMENT ON COLUMN explained_share.window_end IS 'End (exclusive) of the event-time window.';
COMMENT ON COLUMN explained_share.total IS 'Contacts in the window.';
COMMENT ON COLUMN explained_share.explained IS 'Contacts with at least one reason.';
COMMENT ON COLUMN explained_share.share IS 'explained / total (0 when total is 0).';
COMMENT ON COLUMN explained_share.updated_at IS 'Wall-clock time the sink last changed this row.';

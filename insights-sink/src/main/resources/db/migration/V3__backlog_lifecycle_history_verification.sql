-- Waarom insights sink, schema version 3: the backlog as the improvement team works it.
-- Items keep the value-at-stake figures of their latest insight, an owner, a lifecycle status
-- (new -> triaged -> in_progress -> done -> verified / not_effective, or dismissed with a reason),
-- the history of every change (who and when), the insights behind them, and the figures of the
-- impact verification after an item is done.

ALTER TABLE backlog_items
    ADD COLUMN reason_name        text,
    ADD COLUMN weekly_volume      double precision,
    ADD COLUMN avg_handle_minutes double precision,
    ADD COLUMN cost_per_minute    double precision,
    ADD COLUMN repeat_rate        double precision,
    ADD COLUMN owner              text,
    ADD COLUMN status_changed_at  timestamptz,
    ADD COLUMN status_changed_by  text,
    ADD COLUMN dismissed_reason   text,
    ADD COLUMN done_at            timestamptz,
    ADD COLUMN verification       jsonb;
ALTER TABLE backlog_items ADD CONSTRAINT backlog_items_status_check CHECK (status IN
    ('new', 'triaged', 'in_progress', 'done', 'verified', 'not_effective', 'dismissed'));
CREATE INDEX backlog_items_status_idx ON backlog_items (status);

COMMENT ON COLUMN backlog_items.status IS 'Lifecycle: new, triaged, in_progress, done, verified, not_effective or dismissed. The sink writes ''new'' for a new item and verified / not_effective after the impact verification; every other change comes from the team (see backlog_events).';
COMMENT ON COLUMN backlog_items.reason_name IS 'Display name of the reason (or the title of an emerging reason) from the latest insight.';
COMMENT ON COLUMN backlog_items.weekly_volume IS 'Estimated contacts per week, from the latest insight.';
COMMENT ON COLUMN backlog_items.avg_handle_minutes IS 'Mean handle time in minutes, from the latest insight; NULL when unknown.';
COMMENT ON COLUMN backlog_items.cost_per_minute IS 'Cost of one handling minute the analyzer used, from the latest insight.';
COMMENT ON COLUMN backlog_items.repeat_rate IS 'Share of the reason''s contacts followed by a repeat contact, from the latest insight that had one.';
COMMENT ON COLUMN backlog_items.owner IS 'Who in the team owns the item; NULL until assigned.';
COMMENT ON COLUMN backlog_items.status_changed_at IS 'Wall-clock time of the latest status change.';
COMMENT ON COLUMN backlog_items.status_changed_by IS 'Who made the latest status change (waarom-verifier for the impact verification).';
COMMENT ON COLUMN backlog_items.dismissed_reason IS 'Why the item was dismissed; NULL unless status is dismissed.';
COMMENT ON COLUMN backlog_items.done_at IS 'When the fix went live (given when the item is marked done, default: the time it was marked); the impact verification compares the reason''s volume after it with the weeks before.';
COMMENT ON COLUMN backlog_items.verification IS 'Figures of the impact verification as JSON (before and after share, relative change, p-value, days compared, verdict); NULL until verified.';

CREATE TABLE backlog_item_insights (
    item_id    text NOT NULL REFERENCES backlog_items (item_id),
    insight_id text NOT NULL REFERENCES insights (insight_id),
    PRIMARY KEY (item_id, insight_id)
);
INSERT INTO backlog_item_insights (item_id, insight_id)
    SELECT item_id, latest_insight_id FROM backlog_items;
COMMENT ON TABLE backlog_item_insights IS 'Which insights folded into which backlog item: the item''s insight history.';
COMMENT ON COLUMN backlog_item_insights.item_id IS 'The backlog item.';
COMMENT ON COLUMN backlog_item_insights.insight_id IS 'An insight behind it.';

CREATE TABLE backlog_events (
    event_id    bigserial   PRIMARY KEY,
    item_id     text        NOT NULL REFERENCES backlog_items (item_id),
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text,
    detail      text
);
CREATE INDEX backlog_events_item_idx ON backlog_events (item_id, event_id);
COMMENT ON TABLE backlog_events IS 'Every change to a backlog item: who, when, what. Append-only.';
COMMENT ON COLUMN backlog_events.event_id IS 'Increasing id; orders the events.';
COMMENT ON COLUMN backlog_events.item_id IS 'The item changed.';
COMMENT ON COLUMN backlog_events.at IS 'Wall-clock time of the change.';
COMMENT ON COLUMN backlog_events.actor IS 'Who made the change (a person, or waarom-verifier).';
COMMENT ON COLUMN backlog_events.action IS 'status, owner, note or verification.';
COMMENT ON COLUMN backlog_events.from_status IS 'Status before a status change; NULL for other actions.';
COMMENT ON COLUMN backlog_events.to_status IS 'Status after a status change; NULL for other actions.';
COMMENT ON COLUMN backlog_events.detail IS 'The note, the new owner, the dismissal reason, or the verification summary.';

-- The board asks for the latest change every second: keep those maxima index lookups.
CREATE INDEX reason_trends_updated_at_idx ON reason_trends (updated_at);
CREATE INDEX insights_last_seen_at_idx ON insights (last_seen_at);
CREATE INDEX explained_share_updated_at_idx ON explained_share (updated_at);

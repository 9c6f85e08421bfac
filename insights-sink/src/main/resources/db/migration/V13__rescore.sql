-- Re-score: after a new taxonomy version is in force, a job recomputes the trends of a chosen past
-- period under it from the contacts kept (the retention window), so that the board's charts
-- compare like with like. The figures the analyzer counted live (reason_trends) are never
-- changed: a re-score's figures are kept beside them, per run.

CREATE TABLE rescore_runs (
    run_id           text        PRIMARY KEY,
    taxonomy_version text        NOT NULL,
    period_from      timestamptz NOT NULL,
    period_to        timestamptz NOT NULL,
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    status           text        NOT NULL DEFAULT 'queued',
    started_at       timestamptz,
    finished_at      timestamptz,
    expected         bigint,
    contacts_read    bigint      NOT NULL DEFAULT 0,
    rescored         bigint      NOT NULL DEFAULT 0,
    kept             bigint      NOT NULL DEFAULT 0,
    changed          bigint      NOT NULL DEFAULT 0,
    corrected        bigint      NOT NULL DEFAULT 0,
    error            text,
    attempt          text,
    CHECK (status IN ('queued', 'running', 'done', 'failed')),
    CHECK (period_from < period_to)
);
CREATE INDEX rescore_runs_version_idx ON rescore_runs (taxonomy_version, status, finished_at DESC);
COMMENT ON TABLE rescore_runs IS
    'Re-score runs: the trends of [period_from, period_to) recomputed under taxonomy_version from the contacts kept. Queued by an editor on the board; run by the instance that leads the rescore job, one at a time, oldest first; a run interrupted by a restart or a change of leader starts over.';
COMMENT ON COLUMN rescore_runs.taxonomy_version IS 'The taxonomy version the period is re-scored under: the version in force when the run was requested.';
COMMENT ON COLUMN rescore_runs.status IS 'queued, running, done or failed (see error).';
COMMENT ON COLUMN rescore_runs.attempt IS 'Set anew each time a leader claims the run: writes of an earlier attempt (a deposed leader still finishing) are refused.';
COMMENT ON COLUMN rescore_runs.expected IS 'Contacts the run reads (the period, plus one repeat window before and after it for the repeat rule); set when it starts.';
COMMENT ON COLUMN rescore_runs.contacts_read IS 'Contacts read so far.';
COMMENT ON COLUMN rescore_runs.rescored IS 'Contacts of the period classified anew under taxonomy_version.';
COMMENT ON COLUMN rescore_runs.kept IS 'Contacts of the period whose words were not kept (only their classification arrived): counted under the reason they were classified with then.';
COMMENT ON COLUMN rescore_runs.changed IS 'Contacts of the period whose primary reason differs from the one they were classified with then (corrections included).';
COMMENT ON COLUMN rescore_runs.corrected IS 'Contacts of the period that kept an editor''s correction (source FEEDBACK) rather than being classified anew.';

CREATE TABLE rescored_trends (
    run_id              text        NOT NULL REFERENCES rescore_runs (run_id) ON DELETE CASCADE,
    reason_id           text        NOT NULL,
    channel             text        NOT NULL,
    window_minutes      integer     NOT NULL,
    window_start        timestamptz NOT NULL,
    window_end          timestamptz NOT NULL,
    count               bigint      NOT NULL,
    handle_count        bigint      NOT NULL DEFAULT 0,
    handle_millis_total bigint      NOT NULL DEFAULT 0,
    repeat_count        bigint      NOT NULL DEFAULT 0,
    sentiment_count     bigint      NOT NULL DEFAULT 0,
    negative_count      bigint      NOT NULL DEFAULT 0,
    callback_count      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, window_minutes, reason_id, channel, window_start)
);
COMMENT ON TABLE rescored_trends IS
    'The trends of a re-score run, shaped like reason_trends (1- and 60-minute windows, no baseline): contacts per reason, channel and window under the run''s taxonomy version. repeat_count is filled in the 60-minute rows only, counted back into the first contact''s window as the analyzer does.';
COMMENT ON COLUMN rescore_runs.run_id IS 'A UUID.';
COMMENT ON COLUMN rescore_runs.period_from IS 'Start (inclusive) of the period re-scored; the board asks for a page''s period and the previous one of the same length.';
COMMENT ON COLUMN rescore_runs.period_to IS 'End (exclusive) of the period re-scored.';
COMMENT ON COLUMN rescore_runs.requested_by IS 'The identity of the editor (or API token) that queued the run.';
COMMENT ON COLUMN rescore_runs.requested_at IS 'When the run was queued.';
COMMENT ON COLUMN rescore_runs.started_at IS 'When the current attempt started; NULL while queued.';
COMMENT ON COLUMN rescore_runs.finished_at IS 'When the run was done or failed.';
COMMENT ON COLUMN rescore_runs.error IS 'Why the run failed; NULL otherwise.';
COMMENT ON COLUMN rescored_trends.run_id IS 'The run these figures belong to.';
COMMENT ON COLUMN rescored_trends.reason_id IS 'Reason id of the run''s taxonomy version, or ''unexplained''.';
COMMENT ON COLUMN rescored_trends.channel IS 'CHAT, CALL, EMAIL or OTHER.';
COMMENT ON COLUMN rescored_trends.window_minutes IS 'Window length in minutes: 1 or 60.';
COMMENT ON COLUMN rescored_trends.window_start IS 'Start (inclusive) of the event-time window.';
COMMENT ON COLUMN rescored_trends.window_end IS 'End (exclusive) of the event-time window.';
COMMENT ON COLUMN rescored_trends.count IS 'Contacts of the period with this reason on this channel in the window.';
COMMENT ON COLUMN rescored_trends.handle_count IS 'Of those, the contacts with a known handle time.';
COMMENT ON COLUMN rescored_trends.handle_millis_total IS 'Sum of their handle times (milliseconds).';
COMMENT ON COLUMN rescored_trends.repeat_count IS 'Contacts of this window the same customer contacted about again (same reason under the run''s version) within the repeat window; 60-minute rows only.';
COMMENT ON COLUMN rescored_trends.sentiment_count IS 'Contacts whose customer said something, so that have a sentiment.';
COMMENT ON COLUMN rescored_trends.negative_count IS 'Of those, the negative contacts.';
COMMENT ON COLUMN rescored_trends.callback_count IS 'Contacts whose customer asked to be called back.';

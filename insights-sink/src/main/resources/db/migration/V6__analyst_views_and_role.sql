-- Waarom insights sink: views for the questions analysts ask first, and a read-only role for them
-- (docs/ANALYSTS.md).
-- Days are UTC calendar days. The daily figures add up the 60-minute rows, the most complete ones:
-- contacts that arrive late still count in them for WAAROM_TREND_ROLLUP_GRACE (48 h), and their
-- repeat counts are kept until the repeat window has passed.
-- The views read only what the sink stores; they run with their owner's rights, so the role needs
-- SELECT on the views and nothing on the tables. A later migration that changes a column one of
-- them reads has to drop and re-create that view, and grant it again.

CREATE VIEW daily_reason_volume AS
SELECT day, reason_id, channel, contacts,
       contacts::double precision / sum(contacts) OVER (PARTITION BY day) AS share_of_day,
       CASE WHEN handle_count > 0
            THEN handle_millis_total::double precision / handle_count / 60000 END
           AS avg_handle_minutes
FROM (SELECT (window_start AT TIME ZONE 'UTC')::date AS day, reason_id, channel,
             sum(count)::bigint AS contacts,
             sum(handle_count)::bigint AS handle_count,
             sum(handle_millis_total)::bigint AS handle_millis_total
      FROM reason_trends
      WHERE window_minutes = 60
      GROUP BY 1, 2, 3) AS daily
WHERE contacts > 0;

COMMENT ON VIEW daily_reason_volume IS
    'Contacts per UTC day, primary reason and channel, from the 60-minute rows of reason_trends. One row per day, reason and channel with contacts.';
COMMENT ON COLUMN daily_reason_volume.day IS 'UTC calendar day.';
COMMENT ON COLUMN daily_reason_volume.reason_id IS 'Primary reason of the contacts (the first of their reasons), or ''unexplained''.';
COMMENT ON COLUMN daily_reason_volume.channel IS 'CHAT, CALL, EMAIL or OTHER.';
COMMENT ON COLUMN daily_reason_volume.contacts IS 'Contacts that day with this primary reason on this channel.';
COMMENT ON COLUMN daily_reason_volume.share_of_day IS 'contacts / all contacts of the day (every reason and channel).';
COMMENT ON COLUMN daily_reason_volume.avg_handle_minutes IS 'Mean handle time (talk + wrap-up) of those contacts that had one, in minutes; NULL when none had.';

CREATE VIEW daily_explained_share AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day,
       sum(total)::bigint AS contacts,
       sum(explained)::bigint AS explained,
       sum(explained)::double precision / NULLIF(sum(total), 0) AS share
FROM explained_share
WHERE window_minutes = 60
GROUP BY 1;

COMMENT ON VIEW daily_explained_share IS
    'Share of contacts that got a reason per UTC day, over all channels, from the 60-minute rows of explained_share. The rest are the reason ''unexplained'' in daily_reason_volume.';
COMMENT ON COLUMN daily_explained_share.day IS 'UTC calendar day.';
COMMENT ON COLUMN daily_explained_share.contacts IS 'Contacts that day.';
COMMENT ON COLUMN daily_explained_share.explained IS 'Contacts with at least one reason.';
COMMENT ON COLUMN daily_explained_share.share IS 'explained / contacts; NULL for a day without contacts.';

CREATE VIEW daily_repeat_rate AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day, reason_id,
       sum(count)::bigint AS contacts,
       sum(repeat_count)::bigint AS repeats,
       sum(repeat_count)::double precision / NULLIF(sum(count), 0) AS repeat_rate,
       bool_and(repeats_complete) AS complete
FROM reason_trends
WHERE window_minutes = 60
GROUP BY 1, 2
HAVING sum(count) > 0;

COMMENT ON VIEW daily_repeat_rate IS
    'How often customers had to come back, per UTC day and primary reason (all channels), from the repeat counts of the 60-minute rows of reason_trends: the analyzer marks a contact as a repeat when the same customer contacted about the same reason within the repeat window (WAAROM_REPEAT_WINDOW, 7 days; transfers excluded) and counts it back into the day of the first contact of the chain. The rate REPEAT_HOTSPOT insights judge.';
COMMENT ON COLUMN daily_repeat_rate.day IS 'UTC day of the first contacts.';
COMMENT ON COLUMN daily_repeat_rate.reason_id IS 'Primary reason, or ''unexplained''.';
COMMENT ON COLUMN daily_repeat_rate.contacts IS 'Contacts that day with this primary reason.';
COMMENT ON COLUMN daily_repeat_rate.repeats IS 'Repeat contacts counted back into that day: a customer who came back twice counts twice.';
COMMENT ON COLUMN daily_repeat_rate.repeat_rate IS 'repeats / contacts.';
COMMENT ON COLUMN daily_repeat_rate.complete IS 'True once the repeat window after the whole day has passed; until then repeats may still grow.';

CREATE VIEW insight_outcomes AS
SELECT i.insight_id, i.kind, i.reason_id, i.reason_name, i.candidate_terms,
       i.window_start, i.window_end, i.detected_at, i.count, i.baseline, i.channels,
       i.estimated_cost, i.weekly_volume, i.preventability, i.repeat_rate, i.summary,
       b.item_id, b.status AS item_status, b.owner AS item_owner, b.done_at,
       b.verification ->> 'verdict' AS verdict,
       CASE WHEN b.verification IS NOT NULL THEN b.status_changed_at END AS verified_at,
       (b.verification ->> 'beforeShare')::double precision AS share_before,
       (b.verification ->> 'expectedShare')::double precision AS share_expected,
       (b.verification ->> 'afterShare')::double precision AS share_after,
       (b.verification ->> 'change')::double precision AS share_change,
       (b.verification ->> 'pValue')::double precision AS p_value
FROM insights i
LEFT JOIN backlog_item_insights bi ON bi.insight_id = i.insight_id
LEFT JOIN backlog_items b ON b.item_id = bi.item_id;

COMMENT ON VIEW insight_outcomes IS
    'Every insight with the backlog item it folded into, the item''s status, and the impact verification once the item was done: did the reason''s share of contacts drop. The item''s figures repeat on each of its insights.';
COMMENT ON COLUMN insight_outcomes.insight_id IS 'As insights.insight_id.';
COMMENT ON COLUMN insight_outcomes.kind IS 'As insights.kind.';
COMMENT ON COLUMN insight_outcomes.reason_id IS 'As insights.reason_id.';
COMMENT ON COLUMN insight_outcomes.reason_name IS 'As insights.reason_name.';
COMMENT ON COLUMN insight_outcomes.candidate_terms IS 'As insights.candidate_terms.';
COMMENT ON COLUMN insight_outcomes.window_start IS 'As insights.window_start.';
COMMENT ON COLUMN insight_outcomes.window_end IS 'As insights.window_end.';
COMMENT ON COLUMN insight_outcomes.detected_at IS 'As insights.detected_at.';
COMMENT ON COLUMN insight_outcomes.count IS 'As insights.count.';
COMMENT ON COLUMN insight_outcomes.baseline IS 'As insights.baseline.';
COMMENT ON COLUMN insight_outcomes.channels IS 'As insights.channels.';
COMMENT ON COLUMN insight_outcomes.estimated_cost IS 'As insights.estimated_cost.';
COMMENT ON COLUMN insight_outcomes.weekly_volume IS 'As insights.weekly_volume.';
COMMENT ON COLUMN insight_outcomes.preventability IS 'As insights.preventability.';
COMMENT ON COLUMN insight_outcomes.repeat_rate IS 'As insights.repeat_rate.';
COMMENT ON COLUMN insight_outcomes.summary IS 'As insights.summary.';
COMMENT ON COLUMN insight_outcomes.item_id IS 'The backlog item (one per reason and kind, or per emerging reason); NULL only before the sink stored it.';
COMMENT ON COLUMN insight_outcomes.item_status IS 'new, triaged, in_progress, done, verified, not_effective or dismissed.';
COMMENT ON COLUMN insight_outcomes.item_owner IS 'Who in the team owns the item; NULL until assigned.';
COMMENT ON COLUMN insight_outcomes.done_at IS 'When the fix went live; the verification compares the days after it with the same weekdays before.';
COMMENT ON COLUMN insight_outcomes.verdict IS 'verified (the share dropped significantly) or not_effective; NULL until verified.';
COMMENT ON COLUMN insight_outcomes.verified_at IS 'When the verification judged the item; NULL until then.';
COMMENT ON COLUMN insight_outcomes.share_before IS 'The reason''s mean daily share of all contacts in the weeks before the fix.';
COMMENT ON COLUMN insight_outcomes.share_expected IS 'The reason''s daily share of contacts expected after the fix, from the same weekdays before.';
COMMENT ON COLUMN insight_outcomes.share_after IS 'The reason''s mean daily share of contacts after the fix.';
COMMENT ON COLUMN insight_outcomes.share_change IS 'share_after / share_expected - 1: -0.30 is a drop of 30%.';
COMMENT ON COLUMN insight_outcomes.p_value IS 'One-sided p-value of "the share fell".';

-- The read-only role. Creating a role needs CREATEROLE: the embedded database's user has it; the
-- user of an external database may not, and then the migration only says so (a warning in the
-- sink's log, "DB: role waarom_analyst not created: ...") and an administrator runs the
-- statements in docs/ANALYSTS.md. A role that already exists (made by an administrator
-- beforehand) gets the grants here.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'waarom_analyst') THEN
        IF NOT EXISTS (SELECT FROM pg_roles
                       WHERE rolname = current_user AND (rolcreaterole OR rolsuper)) THEN
            RAISE WARNING 'role waarom_analyst not created: % may not create roles; an administrator can create it and grant SELECT on the analyst views (docs/ANALYSTS.md)', current_user;
            RETURN;
        END IF;
        CREATE ROLE waarom_analyst NOLOGIN;
        COMMENT ON ROLE waarom_analyst IS 'Waarom analysts: SELECT on the analyst views, nothing else. Grant it to a login role.';
    END IF;
    IF has_schema_privilege(current_schema(), 'USAGE WITH GRANT OPTION') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO waarom_analyst', current_schema());
    END IF;
    GRANT SELECT ON daily_reason_volume, daily_explained_share, daily_repeat_rate,
        insight_outcomes TO waarom_analyst;
END
$$;

-- Callback requests per reason, channel and window (ReasonTrend v4), and per contact
-- (ClassifiedContact v4).
ALTER TABLE reason_trends
    ADD COLUMN callback_count bigint NOT NULL DEFAULT 0;

COMMENT ON COLUMN reason_trends.callback_count IS 'Contacts in the window whose customer asked to be called back; callback_count / count is the callback rate. 0 in rows written before callback requests were counted.';

ALTER TABLE contacts
    ADD COLUMN callback_requested boolean;

COMMENT ON COLUMN contacts.callback_requested IS 'Whether the customer asked to be called back, from the classification; NULL when unknown (not classified yet, or stored before callback requests were kept).';

-- The analysts' daily volume gains the callback requests. Columns are added at the end, so
-- CREATE OR REPLACE keeps the view, its comments and its grants (waarom_analyst).
CREATE OR REPLACE VIEW daily_reason_volume AS
SELECT day, reason_id, channel, contacts,
       contacts::double precision / sum(contacts) OVER (PARTITION BY day) AS share_of_day,
       CASE WHEN handle_count > 0
            THEN handle_millis_total::double precision / handle_count / 60000 END
           AS avg_handle_minutes,
       callback_requests,
       callback_requests::double precision / contacts AS callback_rate
FROM (SELECT (window_start AT TIME ZONE 'UTC')::date AS day, reason_id, channel,
             sum(count)::bigint AS contacts,
             sum(handle_count)::bigint AS handle_count,
             sum(handle_millis_total)::bigint AS handle_millis_total,
             sum(callback_count)::bigint AS callback_requests
      FROM reason_trends
      WHERE window_minutes = 60
      GROUP BY 1, 2, 3) AS daily
WHERE contacts > 0;

COMMENT ON COLUMN daily_reason_volume.callback_requests IS 'Of those contacts, the ones whose customer asked to be called back; 0 for hours counted before callback requests were.';
COMMENT ON COLUMN daily_reason_volume.callback_rate IS 'callback_requests / contacts.';

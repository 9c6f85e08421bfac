-- Callback requests per reason, channel and window (ReasonTrend v4), and per contact
-- (ClassifiedContact v4).
ALTER TABLE reason_trends
    ADD COLUMN callback_count bigint NOT NULL DEFAULT 0;

COMMENT ON COLUMN reason_trends.callback_count IS 'Contacts in the window whose customer asked to be called back; callback_count / count is the callback rate. 0 in rows written before callback requests were counted.';

ALTER TABLE contacts
    ADD COLUMN callback_requested boolean;

COMMENT ON COLUMN contacts.callback_requested IS 'Whether the customer asked to be called back, from the classification; NULL when unknown (not classified yet, or stored before callback requests were kept).';

-- Negative contacts per reason, channel and window (ReasonTrend v3).
ALTER TABLE reason_trends
    ADD COLUMN sentiment_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN negative_count  bigint NOT NULL DEFAULT 0;

COMMENT ON COLUMN reason_trends.sentiment_count IS 'Contacts in the window whose customer said something, so that have a sentiment; 0 in rows written before sentiment existed.';
COMMENT ON COLUMN reason_trends.negative_count IS 'Of those, the negative contacts (the customer ended negative, or was negative in more than half of their turns); negative_count / sentiment_count is the share.';

-- Value at stake a manager can defend (Insight v3): a spike is valued by what its episode cost,
-- excess contacts (observed - expected) × handle time × cost per minute, and its rate while it
-- lasts; a structural insight keeps its weekly volume. The backlog ranks a spike whose handle
-- time is unknown by its excess contacts × the default handle time.

ALTER TABLE insights
    ADD COLUMN excess_contacts double precision,
    ADD COLUMN episode_cost    double precision,
    ADD COLUMN excess_per_hour double precision;

COMMENT ON COLUMN insights.excess_contacts IS 'SPIKE: contacts of the episode above its expected number (count - baseline, at least 0); NULL for other kinds and for insights stored before Insight v3.';
COMMENT ON COLUMN insights.episode_cost IS 'SPIKE: excess_contacts × avg_handle_minutes × cost_per_minute, what the episode cost (also estimated_cost); NULL when the handle time is unknown.';
COMMENT ON COLUMN insights.excess_per_hour IS 'SPIKE: excess contacts per hour at the episode''s rate so far, what it costs while it lasts.';
COMMENT ON COLUMN insights.estimated_cost IS 'Cost in the configured currency: for SPIKE (Insight v3) the cost of the episode''s excess contacts; otherwise per week (weekly_volume × avg_handle_minutes × cost_per_minute). NULL when unknown.';

ALTER TABLE backlog_items
    ADD COLUMN excess_contacts double precision;

COMMENT ON COLUMN backlog_items.excess_contacts IS 'SPIKE items: the latest insight''s excess contacts; the ranking values them with the default handle time when the insight has no cost.';

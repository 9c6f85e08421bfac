-- Waarom insights sink: links from backlog items to the issues the exporter created in a team's
-- tracker (Jira, GitHub Issues or a signed webhook), with the tracker's status read back.
-- No foreign key to backlog_items on purpose: the backlog may be truncated or rebuilt (tests, a
-- replay) without losing which tracker issue belongs to which item id.

CREATE TABLE tracker_links (
    item_id                 text        NOT NULL,
    tracker                 text        NOT NULL,
    external_id             text,
    external_key            text,
    url                     text,
    tracker_status          text,
    tracker_status_category text,
    last_exported_hash      text,
    last_exported_at        timestamptz,
    last_synced_at          timestamptz,
    last_error              text,
    last_error_at           timestamptz,
    claimed_at              timestamptz,
    PRIMARY KEY (item_id, tracker)
);
CREATE INDEX tracker_links_tracker_idx ON tracker_links (tracker) WHERE external_id IS NOT NULL;

COMMENT ON TABLE tracker_links IS
    'One row per backlog item and tracker: the tracker issue the exporter created for the item. The primary key is the creation guard: an exporter inserts the row (claim) before it creates the issue, so two sink instances or a restart never create a second issue for the same item.';
COMMENT ON COLUMN tracker_links.item_id IS 'backlog_items.item_id of the exported item.';
COMMENT ON COLUMN tracker_links.tracker IS 'jira, github or webhook.';
COMMENT ON COLUMN tracker_links.external_id IS 'The tracker''s id of the issue (Jira issue id, GitHub issue id, or the id a webhook receiver answered); NULL while the creation is claimed but not finished.';
COMMENT ON COLUMN tracker_links.external_key IS 'Human key of the issue: Jira key (e.g. OPS-12), GitHub issue number; NULL for a webhook receiver that answered none.';
COMMENT ON COLUMN tracker_links.url IS 'Browser URL of the issue; NULL when unknown (webhook receiver answered none).';
COMMENT ON COLUMN tracker_links.tracker_status IS 'Status as the tracker names it: Jira status name, GitHub open or closed, or the status a webhook receiver answered; NULL until read back.';
COMMENT ON COLUMN tracker_links.tracker_status_category IS 'Jira statusCategory key (new, indeterminate, done); GitHub state_reason when closed (completed, not_planned) or open; webhook receiver''s statusCategory; NULL when unknown.';
COMMENT ON COLUMN tracker_links.last_exported_hash IS 'SHA-256 (hex) of the issue content last sent; the exporter sends an update only when the content hash differs.';
COMMENT ON COLUMN tracker_links.last_exported_at IS 'Wall-clock time the content was last created or updated in the tracker.';
COMMENT ON COLUMN tracker_links.last_synced_at IS 'Wall-clock time the tracker status was last read back.';
COMMENT ON COLUMN tracker_links.last_error IS 'Why the last export or status read failed (HTTP status and tracker message); NULL after a successful export.';
COMMENT ON COLUMN tracker_links.last_error_at IS 'Wall-clock time of last_error; NULL when there is none.';
COMMENT ON COLUMN tracker_links.claimed_at IS 'Set while one exporter creates the issue; another exporter takes the claim over only when it is older than the claim lease (a crashed exporter), then searches the tracker for the item label before creating.';

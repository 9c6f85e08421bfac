/**
 * Exporters: the backlog as issues in a team's tracker — Jira (REST API v2/v3), GitHub Issues or a
 * signed webhook.
 *
 * <p>{@link nl.waarom.sink.export.Exporter} selects items from {@code backlog_items} (with their
 * latest insight), renders each as {@link nl.waarom.sink.export.IssueContent} and hands it to a
 * {@link nl.waarom.sink.export.Tracker}. The {@code tracker_links} table (migration V4) remembers
 * which issue belongs to which item, the hash of the content last sent (an update goes out only
 * when it changes) and the status read back from the tracker. Creation is guarded by claiming the
 * link row first and by searching the tracker for the item label {@code waarom:<item id>}, so one
 * item never becomes two issues, across restarts and sink instances.
 *
 * <p>Depends on {@code nl.waarom.sink.db} (row types, JSON, tracker links); its settings are
 * declared here ({@code ExportSettings}); nothing in the sink depends on this package except
 * {@code SinkApp}, which starts and stops the exporter, and the sink's settings catalogue, which
 * lists the exporter's settings. What is sent and how to verify webhook signatures:
 * {@code insights-sink/EXPORTERS.md}.
 */
package nl.waarom.sink.export;

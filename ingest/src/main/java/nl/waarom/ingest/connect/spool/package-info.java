/**
 * The spool-directory source connector: {@link
 * nl.waarom.ingest.connect.spool.WaaromSpoolDirSourceConnector} picks up settled files from an
 * input directory: WebVTT ({@link nl.waarom.ingest.connect.spool.VttParser}) and JSON ({@link
 * nl.waarom.ingest.connect.spool.JsonTranscriptParser}) call transcripts, turned into contacts by
 * {@link nl.waarom.ingest.connect.spool.TranscriptToContact}, and JSONL chat exports in the
 * gateway's contact JSON ({@link nl.waarom.ingest.contact.ContactJson}). Processed files move to
 * a done directory, bad ones to an error directory with the reason beside them.
 */
package nl.waarom.ingest.connect.spool;

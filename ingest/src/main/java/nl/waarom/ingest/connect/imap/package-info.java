/**
 * The IMAP e-mail source connector: {@link nl.waarom.ingest.connect.imap.WaaromImapSourceConnector}
 * reads mailbox folders, {@link nl.waarom.ingest.connect.imap.MailToContact} turns each message
 * into a redacted, pseudonymized {@code Contact}, with {@link
 * nl.waarom.ingest.connect.imap.BodyCleaner} removing quoted replies and signatures and {@link
 * nl.waarom.ingest.text.HtmlText} reducing HTML-only mail to text.
 */
package nl.waarom.ingest.connect.imap;

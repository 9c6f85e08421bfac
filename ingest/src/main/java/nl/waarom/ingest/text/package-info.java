/**
 * Text handling shared by the sources that feed the gateway: {@link
 * nl.waarom.ingest.text.HtmlText} reduces the HTML of chat and ticket messages (webhooks) and of
 * HTML-only mail (the IMAP connector) to the plain text that is redacted and classified.
 */
package nl.waarom.ingest.text;

/**
 * The team workspace's contacts: the sink keeps the classified contacts of the retention window
 * (their redacted words, reasons with evidence, sentiment and taxonomy version) so the board can
 * search them and show one with its evidence marked, and editors can correct a contact's reason.
 *
 * <p>The rows are written by the consumer ({@code nl.waarom.sink.consume}, tables in
 * {@code nl.waarom.sink.db}); this package holds what acts on them: {@link
 * nl.waarom.sink.contacts.ContactRetention} deletes contacts older than the retention on the one
 * instance that leads the purge; {@link nl.waarom.sink.contacts.CorrectionPublisher} sends an
 * editor's {@code Correction} to {@code <prefix>corrections}, from where the consumer stores it and
 * applies it to the contact (and the analyzer learns from it); {@link
 * nl.waarom.sink.contacts.ReasonNames} turns reason ids into the names of the taxonomy version in
 * force. May import {@code db}, {@code schemas} and {@code platform}; the board imports this
 * package, never the reverse.
 */
package nl.waarom.sink.contacts;

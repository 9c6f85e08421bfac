/**
 * The team's workspace: what a chosen period looked like. {@link nl.waarom.sink.explore.Period}
 * is the period and the previous one of the same length; {@link nl.waarom.sink.explore.Overview}
 * adds up each reason's contacts, handle time, repeats, callback requests and negative contacts in
 * both (from the 60-minute trend rows, or for a queue from the contacts of the retention window),
 * rolled up by the taxonomy's groups; {@link nl.waarom.sink.explore.Contrast} finds the words and
 * attributes that set a reason's contacts apart from the others (G²).
 * {@link nl.waarom.sink.explore.Explorer} reads them from the database; the board renders them.
 * Nothing here writes.
 */
package nl.waarom.sink.explore;
